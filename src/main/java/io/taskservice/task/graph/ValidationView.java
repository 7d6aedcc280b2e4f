package io.taskservice.task.graph;

import io.taskservice.task.graph.TaskNode.Dependency;
import io.taskservice.task.graph.TaskNode.JsValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tasks as {@code validate-dependencies} sees them after Task Master's {@code readJSON}: ids normalized with
 * JavaScript's {@code parseInt} and compared with {@code ===}, a dependency written as a JSON number read as a
 * JavaScript number (a double: {@code 123456789012345678901} is {@code 123456789012345680000}), and a cycle check
 * that follows dependency texts the way its {@code isCircularDependency} does.
 *
 * <p>Task Master finds each id by a linear search and walks cycles recursively; here every lookup is a hash lookup
 * and the walk keeps its own stack, so a tag of any size costs linear work and a constant thread stack.
 */
final class ValidationView {

    private final List<TaskNode> tasks;
    private final Map<TaskNode, Object> keys = new IdentityHashMap<>();
    /** The position of the first task whose key {@code ===} a number, and of the first whose key as text is a text. */
    private final Map<Double, Integer> firstByNumber = new HashMap<>();
    private final Map<String, Integer> firstByText = new HashMap<>();
    private final Map<TaskNode, Map<Double, TaskNode>> subtasksByNumber = new IdentityHashMap<>();
    private final Map<String, Boolean> reachesCycle = new HashMap<>();

    ValidationView(List<TaskNode> tasks) {
        this.tasks = tasks;
        for (int position = 0; position < tasks.size(); position++) {
            TaskNode task = tasks.get(position);
            Object key = normalizedKey(task.id());
            keys.put(task, key);
            if (key instanceof Double number) {
                firstByNumber.putIfAbsent(indexKey(number), position);
            }
            firstByText.putIfAbsent(JsValue.string(key), position);
        }
    }

    Object key(TaskNode task) {
        return keys.get(task);
    }

    /** A subtask's id after {@code readJSON}: the last part of a dotted id, else a positive integer or the text. */
    Object subtaskKey(TaskNode parent, TaskNode subtask) {
        String local = subtask.localId(parent);
        if (local.contains(".")) {
            String[] parts = local.split("\\.", -1);
            return JsValue.parseInt(parts[parts.length - 1]);
        }
        return normalizedKey(local);
    }

    /** {@code String(dependency)} in Task Master's code: a number as JavaScript writes the double it reads. */
    static String asJavaScript(Dependency dependency) {
        return dependency.writtenAsNumber() ? JsValue.string(JsValue.number(dependency.written())) : dependency.written();
    }

    private static Object normalizedKey(String id) {
        double number = JsValue.parseInt(id);
        return !Double.isNaN(number) && number > 0 ? (Object) number : id;
    }

    /** A map key for a number that {@code ===} would find: {@code -0} as {@code 0} (NaN is never looked up). */
    private static Double indexKey(double number) {
        return number + 0.0;
    }

    /** Task Master's {@code taskExists}, applied to a dependency as JavaScript reads it. */
    boolean exists(Dependency dependency) {
        String text = asJavaScript(dependency);
        if (dependency.writtenAsNumber() ? JsValue.number(dependency.written()) == 0 : text.isEmpty()) {
            return false;
        }
        if (!dependency.writtenAsNumber() && text.contains(".")) {
            String[] parts = text.split("\\.", -1);
            TaskNode parent = find(JsValue.parseInt(parts[0]));
            return parent != null && findSubtask(parent, JsValue.parseInt(parts[1])) != null;
        }
        return find(JsValue.parseInt(text)) != null;
    }

    /** The first top-level task whose key {@code ===} this number. */
    private TaskNode find(double number) {
        Integer position = firstByNumber(number);
        return position == null ? null : tasks.get(position);
    }

    private Integer firstByNumber(double number) {
        return Double.isNaN(number) ? null : firstByNumber.get(indexKey(number));
    }

    /** The first subtask of {@code parent} whose key {@code ===} this number. */
    private TaskNode findSubtask(TaskNode parent, double number) {
        Map<Double, TaskNode> byNumber = subtasksByNumber.computeIfAbsent(parent, p -> {
            Map<Double, TaskNode> index = new HashMap<>();
            for (TaskNode subtask : p.subtasks()) {
                if (subtaskKey(p, subtask) instanceof Double key && !key.isNaN()) {
                    index.putIfAbsent(indexKey(key), subtask);
                }
            }
            return index;
        });
        return Double.isNaN(number) ? null : byNumber.get(indexKey(number));
    }

    /**
     * Whether a cycle can be reached from this id (Task Master's {@code isCircularDependency}): a depth-first walk
     * over {@link #successors}; every id on the walk's path when it meets the path again, or an id already known
     * to reach a cycle, reaches one too; an id all of whose successors do not is remembered as not reaching one.
     */
    boolean leadsIntoCycle(String id) {
        Boolean known = reachesCycle.get(id);
        if (known != null) {
            return known;
        }
        ArrayDeque<String> path = new ArrayDeque<>(List.of(id));
        ArrayDeque<Iterator<String>> pending = new ArrayDeque<>(List.of(successors(id).iterator()));
        Set<String> onPath = new HashSet<>(List.of(id));
        while (!path.isEmpty()) {
            if (!pending.peek().hasNext()) {
                String done = path.pop();
                onPath.remove(done);
                reachesCycle.put(done, false);
                pending.pop();
                continue;
            }
            String next = pending.peek().next();
            Boolean nextReaches = reachesCycle.get(next);
            if (Boolean.TRUE.equals(nextReaches) || onPath.contains(next)) {
                path.forEach(step -> reachesCycle.put(step, true));
                return true;
            }
            if (nextReaches == null) {
                path.push(next);
                onPath.add(next);
                pending.push(successors(next).iterator());
            }
        }
        return false;
    }

    /** The ids {@code isCircularDependency} follows from {@code id}. */
    private List<String> successors(String id) {
        TaskNode node;
        Double parentNumber = null;
        if (id.contains(".")) {
            String[] parts = id.split("\\.", -1);
            parentNumber = JsValue.number(parts[0]);
            TaskNode parent = find(parentNumber);
            node = parent == null ? null : findSubtask(parent, JsValue.number(parts[1]));
        } else {
            Integer byNumber = firstByNumber(JsValue.parseInt(id));
            Integer byText = firstByText.get(id);
            Integer first = byNumber == null || byText != null && byText < byNumber ? byText : byNumber;
            node = first == null ? null : tasks.get(first);
        }
        if (node == null) {
            return List.of();
        }
        List<String> next = new ArrayList<>();
        for (Dependency dependency : node.dependencies()) {
            String text = asJavaScript(dependency);
            next.add(dependency.writtenAsNumber() && parentNumber != null ? JsValue.string(parentNumber) + "." + text : text);
        }
        return next;
    }
}
