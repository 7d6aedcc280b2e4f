package io.taskservice.task.graph;

import io.taskservice.task.graph.DependencyProblem.Kind;
import io.taskservice.task.graph.TaskNode.Dependency;
import io.taskservice.task.graph.TaskNode.JsValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency graph of one task list (tag): cycle checks for a new dependency, the problems
 * {@code task-master validate-dependencies} reports, and a Mermaid picture.
 *
 * <p>Cycle checks and the picture follow the resolved ids ({@link Dependency#id()}). {@link #problems()}
 * reproduces Task Master 0.43.1 exactly, quirks included (see {@code docs/taskmaster-rules.md}): it normalizes ids
 * with JavaScript's {@code parseInt}, checks that a subtask's dependency written without a dot exists as a
 * top-level task (while {@code next} reads it as a sibling), and reports as circular every task from which a cycle
 * can be reached ({@link ValidationView} holds that reading). Every method costs time linear in the size of the tag
 * and a constant thread stack.
 */
public final class DependencyGraph {

    private final List<TaskNode> tasks;
    private final Map<String, TaskNode> byId = new LinkedHashMap<>();

    public DependencyGraph(List<TaskNode> tasks) {
        this.tasks = List.copyOf(tasks);
        for (TaskNode task : this.tasks) {
            byId.putIfAbsent(task.id(), task);
            for (TaskNode subtask : task.subtasks()) {
                byId.putIfAbsent(subtask.id(), subtask);
            }
        }
    }

    /** Whether a task or subtask with this full id exists. */
    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /**
     * The cycle that "{@code taskId} depends on {@code dependsOnId}" would close, as full ids from {@code taskId}
     * back to itself ({@code [5, 3, 4, 5]}: 5 would wait for 3, which waits for 4, which waits for 5); empty when
     * the new dependency closes no cycle. A self-dependency is the cycle {@code [id, id]}.
     */
    public Optional<List<String>> findCycle(String taskId, String dependsOnId) {
        if (taskId.equals(dependsOnId)) {
            return Optional.of(List.of(taskId, taskId));
        }
        // Breadth-first from the new dependency along existing dependencies, looking for the task itself.
        Map<String, String> reachedFrom = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(dependsOnId));
        reachedFrom.put(dependsOnId, null);
        while (!queue.isEmpty()) {
            String current = queue.removeFirst();
            TaskNode node = byId.get(current);
            if (node == null) {
                continue;
            }
            for (String next : node.dependencyIds()) {
                if (reachedFrom.containsKey(next)) {
                    continue;
                }
                reachedFrom.put(next, current);
                if (next.equals(taskId)) {
                    List<String> path = new ArrayList<>();
                    for (String step = next; step != null; step = reachedFrom.get(step)) {
                        path.add(step);
                    }
                    path.add(taskId);
                    Collections.reverse(path);
                    return Optional.of(path);
                }
                queue.addLast(next);
            }
        }
        return Optional.empty();
    }

    /** Whether "{@code taskId} depends on {@code dependsOnId}" would create a cycle (or is a self-dependency). */
    public boolean wouldCreateCycle(String taskId, String dependsOnId) {
        return findCycle(taskId, dependsOnId).isPresent();
    }

    /**
     * The problems {@code task-master validate-dependencies} reports, in its order: for each task, its self and
     * missing dependencies, then whether it leads into a cycle, then the same for each of its subtasks.
     */
    public List<DependencyProblem> problems() {
        List<DependencyProblem> problems = new ArrayList<>();
        ValidationView view = new ValidationView(tasks);
        for (TaskNode task : tasks) {
            String taskKey = JsValue.string(view.key(task));
            for (Dependency dependency : task.dependencies()) {
                if (ValidationView.asJavaScript(dependency).equals(taskKey)) {
                    problems.add(new DependencyProblem(Kind.SELF, taskKey, dependency.written()));
                } else if (!view.exists(dependency)) {
                    problems.add(new DependencyProblem(Kind.MISSING, taskKey, dependency.written()));
                }
            }
            if (view.leadsIntoCycle(taskKey)) {
                problems.add(new DependencyProblem(Kind.CIRCULAR, taskKey, null));
            }
            for (TaskNode subtask : task.subtasks()) {
                Object subtaskKey = view.subtaskKey(task, subtask);
                String fullId = taskKey + "." + JsValue.string(subtaskKey);
                for (Dependency dependency : subtask.dependencies()) {
                    boolean self = ValidationView.asJavaScript(dependency).equals(fullId)
                            || dependency.writtenAsNumber() && JsValue.strictEquals(JsValue.number(dependency.written()), subtaskKey);
                    if (self) {
                        problems.add(new DependencyProblem(Kind.SELF, fullId, dependency.written()));
                    } else if (!view.exists(dependency)) {
                        problems.add(new DependencyProblem(Kind.MISSING, fullId, dependency.written()));
                    }
                }
                if (view.leadsIntoCycle(fullId)) {
                    problems.add(new DependencyProblem(Kind.CIRCULAR, fullId, null));
                }
            }
        }
        return problems;
    }

    /**
     * The graph as a Mermaid flowchart, top to bottom. An arrow goes from a dependency to the task that waits for
     * it ({@code 3 --> 5}: 3 comes first). Each node shows id, title and status; a task with subtasks is a
     * subgraph holding the task and its subtasks; a dependency on a missing id is drawn as a node marked missing.
     */
    public String toMermaid() {
        StringBuilder out = new StringBuilder("flowchart TD\n");
        for (TaskNode task : tasks) {
            if (task.subtasks().isEmpty()) {
                out.append("    ").append(node(task)).append('\n');
                continue;
            }
            out.append("    subgraph ").append(nodeId("group-" + task.id())).append(" [\"")
                    .append(escapeLabel(task.id())).append("\"]\n");
            out.append("        ").append(node(task)).append('\n');
            for (TaskNode subtask : task.subtasks()) {
                out.append("        ").append(node(subtask)).append('\n');
            }
            out.append("    end\n");
        }
        Set<String> missing = new HashSet<>();
        for (TaskNode node : byId.values()) {
            for (String dependency : node.dependencyIds()) {
                if (!byId.containsKey(dependency) && missing.add(dependency)) {
                    out.append("    ").append(nodeId(dependency)).append("[\"")
                            .append(escapeLabel(dependency)).append(": missing\"]\n");
                }
            }
        }
        for (TaskNode node : byId.values()) {
            for (String dependency : node.dependencyIds()) {
                out.append("    ").append(nodeId(dependency)).append(" --> ").append(nodeId(node.id())).append('\n');
            }
        }
        return out.toString();
    }

    private static String node(TaskNode node) {
        String title = node.title() == null || node.title().isBlank() ? "" : ": " + escapeLabel(node.title());
        String status = node.status() == null ? "pending" : node.status();
        return nodeId(node.id()) + "[\"" + escapeLabel(node.id()) + title + "<br/>(" + escapeLabel(status) + ")\"]";
    }

    /** A Mermaid node id for any Task Master id: letters and digits kept, anything else as {@code _hex_}. */
    static String nodeId(String id) {
        StringBuilder out = new StringBuilder("t_");
        id.codePoints().forEach(c -> {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                out.appendCodePoint(c);
            } else {
                out.append('_').append(Integer.toHexString(c)).append('_');
            }
        });
        return out.toString();
    }

    /** Text for inside a quoted Mermaid label: quotes, markup and entity starts as Mermaid entity codes. */
    static String escapeLabel(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("#quot;");
                case '#' -> out.append("#35;");
                case '&' -> out.append("#amp;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '`' -> out.append("#96;");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
