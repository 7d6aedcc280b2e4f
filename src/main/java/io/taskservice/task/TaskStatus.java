package io.taskservice.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A task's status, spelled as Task Master spells it. */
public enum TaskStatus {
    PENDING("pending"),
    IN_PROGRESS("in-progress"),
    REVIEW("review"),
    DONE("done"),
    DEFERRED("deferred"),
    CANCELLED("cancelled"),
    BLOCKED("blocked");

    private final String value;

    TaskStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** @throws IllegalArgumentException for a spelling Task Master does not use */
    @JsonCreator
    public static TaskStatus of(String value) {
        for (TaskStatus status : values()) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown task status: " + value);
    }

    /** Stores the Task Master spelling, which the schema's check constraint lists. */
    @Converter(autoApply = true)
    public static class DatabaseConverter implements AttributeConverter<TaskStatus, String> {
        @Override
        public String convertToDatabaseColumn(TaskStatus status) {
            return status == null ? null : status.value;
        }

        @Override
        public TaskStatus convertToEntityAttribute(String value) {
            return value == null ? null : of(value);
        }
    }
}
