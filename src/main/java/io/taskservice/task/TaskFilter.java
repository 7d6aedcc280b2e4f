package io.taskservice.task;

import java.util.List;

/**
 * Which tasks of a tag a list returns. {@code parent}: absent for tasks and subtasks alike, {@link #TOP_LEVEL}
 * for top-level tasks only, or a task id for that task's subtasks. {@code text}: a case-insensitive substring
 * of title or description.
 */
public record TaskFilter(List<TaskStatus> statuses, TaskPriority priority, String parent, String text) {

    /** The {@code parent} value that selects top-level tasks. */
    public static final String TOP_LEVEL = "none";
}
