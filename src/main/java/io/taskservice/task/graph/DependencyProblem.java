package io.taskservice.task.graph;

import java.util.Objects;

/**
 * One problem {@code task-master validate-dependencies} reports: a task or subtask ({@code taskId}, Task Master's
 * full id) that depends on itself, on a task or subtask that does not exist, or that leads into a cycle.
 *
 * <p>{@code dependencyId} is the dependency as written in the file for {@link Kind#SELF} and {@link Kind#MISSING}
 * (Task Master prints it for missing ones only) and null for {@link Kind#CIRCULAR}, which names no dependency.
 */
public record DependencyProblem(Kind kind, String taskId, String dependencyId) {

    /** The kinds Task Master reports, in its words: self, missing, circular. */
    public enum Kind { SELF, MISSING, CIRCULAR }

    public DependencyProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(taskId, "taskId");
    }

    /** Task Master's message for this problem. */
    public String message() {
        boolean subtask = taskId.contains(".");
        return switch (kind) {
            case SELF -> (subtask ? "Subtask " : "Task ") + taskId + " depends on itself";
            case MISSING -> subtask
                    ? "Subtask " + taskId + " depends on non-existent task/subtask " + dependencyId
                    : "Task " + taskId + " depends on non-existent task " + dependencyId;
            case CIRCULAR -> (subtask ? "Subtask " : "Task ") + taskId + " is part of a circular dependency chain";
        };
    }
}
