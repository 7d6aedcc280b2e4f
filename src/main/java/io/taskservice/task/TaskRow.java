package io.taskservice.task;

import java.time.OffsetDateTime;
import java.util.Map;

/** One task as the read queries project it: no managed entity, no lazy association. */
public record TaskRow(long id, String key, String parentKey, String title, String description, String details,
        String testStrategy, TaskStatus status, TaskPriority priority, Map<String, Object> extra, String sortKey,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

    /** Task Master's full id: {@code 21} for a task, {@code 21.2} for a subtask. */
    public String fullId() {
        return parentKey == null ? key : parentKey + "." + key;
    }
}
