package io.taskservice.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The writable content of a task: the body of PUT, and what a merge patch changes. A field left out of a
 * PUT becomes empty ({@code status} becomes {@code pending}). Dependencies change through
 * {@code /dependencies}, ids never.
 */
public record TaskContent(
        @NotBlank @Size(max = 1000) String title,
        @Size(max = 100_000) String description,
        @Size(max = 100_000) String details,
        @Size(max = 100_000) String testStrategy,
        TaskStatus status,
        TaskPriority priority,
        Map<String, Object> extra) {

    /** Copies this content onto an entity. */
    void applyTo(Task task) {
        task.title = title;
        task.description = description;
        task.details = details;
        task.testStrategy = testStrategy;
        task.status = status == null ? TaskStatus.PENDING : status;
        task.priority = priority;
        task.extra = extra == null ? new java.util.LinkedHashMap<>() : new java.util.LinkedHashMap<>(extra);
    }

    static TaskContent of(TaskView view) {
        return new TaskContent(view.title(), view.description(), view.details(), view.testStrategy(), view.status(),
                view.priority(), view.extra());
    }
}
