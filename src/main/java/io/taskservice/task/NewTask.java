package io.taskservice.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The body that creates a task, or a subtask when {@code parent} names a task. Without {@code id}, the task
 * gets the next free number at its level, as Task Master numbers them.
 */
public record NewTask(
        @Pattern(regexp = KEY, message = KEY_RULE) String id,
        @Pattern(regexp = KEY, message = "must be the id of a top-level task") String parent,
        @NotBlank @Size(max = 1000) String title,
        @Size(max = 100_000) String description,
        @Size(max = 100_000) String details,
        @Size(max = 100_000) String testStrategy,
        TaskStatus status,
        TaskPriority priority,
        @Size(max = 1000) List<@NotBlank String> dependencies,
        Map<String, Object> extra) {

    static final String KEY = "[A-Za-z0-9][A-Za-z0-9_-]{0,99}";
    static final String KEY_RULE = "must be a number or a slug of letters, digits, '_' and '-' (at most 100)";

    TaskContent content() {
        return new TaskContent(title, description, details, testStrategy, status, priority, extra);
    }
}
