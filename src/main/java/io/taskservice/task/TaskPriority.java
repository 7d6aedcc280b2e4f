package io.taskservice.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A task's priority, spelled as Task Master spells it. */
public enum TaskPriority {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    CRITICAL("critical");

    private final String value;

    TaskPriority(String value) {
        this.value = value;
    }

    /** 1 for low up to 4 for critical; the task list's priority sort uses the same ranks (0 for none). */
    public int rank() {
        return ordinal() + 1;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** @throws IllegalArgumentException for a spelling Task Master does not use */
    @JsonCreator
    public static TaskPriority of(String value) {
        for (TaskPriority priority : values()) {
            if (priority.value.equals(value)) {
                return priority;
            }
        }
        throw new IllegalArgumentException("unknown task priority: " + value);
    }

    /** Stores the Task Master spelling, which the schema's check constraint lists. */
    @Converter(autoApply = true)
    public static class DatabaseConverter implements AttributeConverter<TaskPriority, String> {
        @Override
        public String convertToDatabaseColumn(TaskPriority priority) {
            return priority == null ? null : priority.value;
        }

        @Override
        public TaskPriority convertToEntityAttribute(String value) {
            return value == null ? null : of(value);
        }
    }
}
