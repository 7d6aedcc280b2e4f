package io.taskservice.task.graph;

import io.taskservice.task.graph.TaskNode.Dependency;
import io.taskservice.task.graph.TaskNode.JsValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The task to work on next, chosen exactly as {@code task-master next} 0.43.1 chooses it.
 *
 * <ol>
 *   <li>Only top-level tasks whose status is exactly {@code pending}, {@code in-progress} or {@code done} take
 *       part; any other status ({@code review}, {@code deferred}, {@code blocked}, {@code cancelled}) removes the
 *       task and its subtasks from the choice and from the completed set.</li>
 *   <li>Completed means status exactly {@code done}: such a task counts as {@code "id"}, a {@code done} subtask of
 *       a taking-part task as {@code "parent.sub"}. {@code cancelled} or {@code completed} do not satisfy a
 *       dependency.</li>
 *   <li>First, subtasks of tasks with status {@code in-progress}: a subtask whose status (lower-cased, missing
 *       means {@code pending}) is {@code pending} or {@code in-progress} and whose dependencies (resolved by
 *       {@link Dependency#of}: {@code 1} is the sibling {@code "parent.1"}) are all completed. If there is one,
 *       the best of them is the answer.</li>
 *   <li>Otherwise, tasks with status {@code pending} or {@code in-progress} whose dependencies are all
 *       completed.</li>
 *   <li>Best means: higher priority first ({@code critical} 4, {@code high} 3, {@code medium} 2, {@code low} 1,
 *       anything else 2; a subtask without priority takes its parent's, else {@code medium}); then fewer
 *       dependencies (all of them, completed ones included); then lower id, compared as numbers (for subtasks
 *       the parent number, then the subtask number).</li>
 *   <li>Ids that are not numbers (slugs) compare as equal to everything ({@code NaN} in JavaScript), which makes
 *       the order depend on the sorting algorithm; the candidates are therefore sorted with {@link V8ArraySort}, as
 *       Node.js sorts them, and the first is taken.</li>
 * </ol>
 *
 * <p>Task Master refuses to answer (an error) when any top-level task lacks a title or description or has an
 * unknown status or priority; this rule answers anyway, treating an unknown priority as {@code medium}.
 */
public final class NextTaskRule {

    private static final Map<String, Integer> PRIORITY = Map.of("critical", 4, "high", 3, "medium", 2, "low", 1);

    /** The next task or subtask of this task list, or empty when none is ready. */
    public Optional<TaskNode> next(List<TaskNode> tasks) {
        List<TaskNode> considered = tasks.stream()
                .filter(t -> "pending".equals(t.status()) || "in-progress".equals(t.status()) || "done".equals(t.status()))
                .toList();
        Set<String> completed = new HashSet<>();
        for (TaskNode task : considered) {
            if ("done".equals(task.status())) {
                completed.add(task.id());
            }
            for (TaskNode subtask : task.subtasks()) {
                if ("done".equals(subtask.status())) {
                    completed.add(task.id() + "." + subtask.localId(task));
                }
            }
        }

        List<Candidate> subtasks = new ArrayList<>();
        for (TaskNode task : considered) {
            if (!"in-progress".equals(task.status())) {
                continue;
            }
            for (TaskNode subtask : task.subtasks()) {
                if (isOpen(subtask.status()) && completed.containsAll(subtask.dependencyIds())) {
                    String priority = firstPresent(subtask.priority(), task.priority(), "medium");
                    subtasks.add(new Candidate(subtask, task.id() + "." + subtask.localId(task), priority));
                }
            }
        }
        if (!subtasks.isEmpty()) {
            return Optional.of(first(subtasks, NextTaskRule::compareSubtasks));
        }

        List<Candidate> ready = new ArrayList<>();
        for (TaskNode task : considered) {
            if (isOpen(task.status()) && completed.containsAll(task.dependencyIds())) {
                ready.add(new Candidate(task, task.id(), task.priority()));
            }
        }
        return ready.isEmpty() ? Optional.empty() : Optional.of(first(ready, NextTaskRule::compareTasks));
    }

    private static boolean isOpen(String status) {
        String s = status == null || status.isEmpty() ? "pending" : status.toLowerCase(java.util.Locale.ROOT);
        return s.equals("pending") || s.equals("in-progress");
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static TaskNode first(List<Candidate> candidates, Comparator<Candidate> order) {
        Candidate[] sorted = candidates.toArray(Candidate[]::new);
        V8ArraySort.sort(sorted, order);
        return sorted[0].node();
    }

    private static int byPriorityThenDependencies(Candidate a, Candidate b) {
        int byPriority = rank(b.priority()) - rank(a.priority());
        if (byPriority != 0) {
            return byPriority;
        }
        return a.node().dependencies().size() - b.node().dependencies().size();
    }

    private static int compareSubtasks(Candidate a, Candidate b) {
        int order = byPriorityThenDependencies(a, b);
        if (order != 0) {
            return order;
        }
        String[] x = a.id().split("\\.", -1);
        String[] y = b.id().split("\\.", -1);
        double parentA = JsValue.number(x[0]);
        double parentB = JsValue.number(y[0]);
        return parentA == parentB
                ? sign(JsValue.number(x[1]) - JsValue.number(y[1]))
                : sign(parentA - parentB);
    }

    private static int compareTasks(Candidate a, Candidate b) {
        int order = byPriorityThenDependencies(a, b);
        return order != 0 ? order : sign(JsValue.number(a.id()) - JsValue.number(b.id()));
    }

    private static int rank(String priority) {
        return priority == null ? 2 : PRIORITY.getOrDefault(priority, 2);
    }

    /** A comparator's result as Array.prototype.sort reads it: NaN counts as 0. */
    private static int sign(double difference) {
        return Double.isNaN(difference) || difference == 0 ? 0 : difference < 0 ? -1 : 1;
    }

    private record Candidate(TaskNode node, String id, String priority) {
    }
}
