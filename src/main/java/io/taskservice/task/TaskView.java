package io.taskservice.task;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A task or subtask as the API returns it. {@code id} is Task Master's full id ({@code 21}, {@code 21.2});
 * {@code parent} is the parent task's id for a subtask; {@code extra} holds the Task Master fields that have
 * no field of their own.
 */
public record TaskView(String id, String parent, String title, String description, String details,
        String testStrategy, TaskStatus status, TaskPriority priority, List<String> dependencies,
        Map<String, Object> extra, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

    static TaskView of(TaskRow row, List<String> dependencies) {
        return new TaskView(row.fullId(), row.parentKey(), row.title(), row.description(), row.details(),
                row.testStrategy(), row.status(), row.priority(), dependencies, row.extra(), row.createdAt(),
                row.updatedAt(), row.version());
    }
}
