package io.taskservice.task;

import io.taskservice.task.graph.TaskNode;
import io.taskservice.task.graph.TaskNode.Dependency;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns the rows of {@link TaskRepository#loadGraph} into {@link TaskNode}s. Plain mapping, no database. */
final class TaskGraphRows {

    private TaskGraphRows() {
    }

    /**
     * @param tasks rows of (id, key, parent id, parent key, title, status, priority), in task-list order
     * @param resolved rows of (task id, position, written, written as number, target key, target parent key)
     * @param unresolved rows of (task id, position, written, written as number)
     */
    static List<TaskNode> toNodes(List<Object[]> tasks, List<Object[]> resolved, List<Object[]> unresolved) {
        Map<Long, String> fullIds = new HashMap<>();
        for (Object[] row : tasks) {
            fullIds.put((Long) row[0], row[3] == null ? (String) row[1] : row[3] + "." + row[1]);
        }
        Map<Long, TreeMap<Short, Dependency>> dependencies = new HashMap<>();
        for (Object[] row : resolved) {
            String target = row[5] == null ? (String) row[4] : row[5] + "." + row[4];
            dependencies.computeIfAbsent((Long) row[0], id -> new TreeMap<>())
                    .put((Short) row[1], new Dependency(target, (String) row[2], (Boolean) row[3]));
        }
        for (Object[] row : unresolved) {
            Long taskId = (Long) row[0];
            String fullId = fullIds.get(taskId);
            String parentId = fullId != null && fullId.contains(".") ? fullId.substring(0, fullId.lastIndexOf('.')) : null;
            // Any number of digits: a number as written may exceed a long (123456789012345678901) and names no task.
            Object written = (Boolean) row[3] ? (Object) new BigInteger((String) row[2]) : row[2];
            dependencies.computeIfAbsent(taskId, id -> new TreeMap<>()).put((Short) row[1], Dependency.of(written, parentId));
        }
        Map<Long, List<TaskNode>> subtasks = new HashMap<>();
        for (Object[] row : tasks) {
            if (row[2] != null) {
                subtasks.computeIfAbsent((Long) row[2], id -> new ArrayList<>()).add(TaskNode.subtask((String) row[3], row[1],
                        (String) row[4], status(row[5]), priority(row[6]), dependenciesOf(dependencies, (Long) row[0])));
            }
        }
        Map<Long, TaskNode> topLevel = new LinkedHashMap<>();
        for (Object[] row : tasks) {
            if (row[2] == null) {
                topLevel.put((Long) row[0], TaskNode.task((String) row[1], (String) row[4], status(row[5]), priority(row[6]),
                        dependenciesOf(dependencies, (Long) row[0]), subtasks.getOrDefault((Long) row[0], List.of())));
            }
        }
        return List.copyOf(topLevel.values());
    }

    private static List<Dependency> dependenciesOf(Map<Long, TreeMap<Short, Dependency>> dependencies, Long taskId) {
        TreeMap<Short, Dependency> byPosition = dependencies.get(taskId);
        return byPosition == null ? List.of() : List.copyOf(byPosition.values());
    }

    private static String status(Object status) {
        return ((TaskStatus) status).value();
    }

    private static String priority(Object priority) {
        return priority == null ? null : ((TaskPriority) priority).value();
    }
}
