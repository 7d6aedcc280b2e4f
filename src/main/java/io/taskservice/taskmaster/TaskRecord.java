package io.taskservice.taskmaster;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One task or subtask of a {@code tasks.json} file, immutable. A known field that is {@code null} here was absent
 * from the record, unless {@link #nullFields()} names it: then the file held an explicit JSON {@code null}
 * ({@code "details": null}). {@code dependencies} and {@code subtasks} are {@code null} when absent, as an empty
 * list when the file had {@code []}. {@link #extra()} holds every other key in the file's order, values exactly
 * as written.
 */
public record TaskRecord(
        WrittenId id,
        String title,
        String description,
        String details,
        String testStrategy,
        String status,
        String priority,
        List<WrittenId> dependencies,
        List<TaskRecord> subtasks,
        Set<String> nullFields,
        ObjectNode extra) {

    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String DETAILS = "details";
    public static final String TEST_STRATEGY = "testStrategy";
    public static final String STATUS = "status";
    public static final String PRIORITY = "priority";
    public static final String DEPENDENCIES = "dependencies";
    public static final String SUBTASKS = "subtasks";

    /** The fields that may hold an explicit JSON {@code null}. */
    public static final Set<String> NULLABLE_FIELDS =
            Set.of(DESCRIPTION, DETAILS, TEST_STRATEGY, STATUS, PRIORITY, DEPENDENCIES, SUBTASKS);

    /** Every field with a component of its own; all other keys go to {@link #extra()}. */
    public static final Set<String> KNOWN_FIELDS = Set.of(
            ID, TITLE, DESCRIPTION, DETAILS, TEST_STRATEGY, STATUS, PRIORITY, DEPENDENCIES, SUBTASKS);

    public TaskRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        dependencies = dependencies == null ? null : List.copyOf(dependencies);
        subtasks = subtasks == null ? null : List.copyOf(subtasks);
        nullFields = nullFields == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(nullFields));
        for (String field : nullFields) {
            if (!NULLABLE_FIELDS.contains(field)) {
                throw new IllegalArgumentException("field cannot be null: " + field);
            }
            if (valueOf(field, description, details, testStrategy, status, priority, dependencies, subtasks) != null) {
                throw new IllegalArgumentException("field is both null and set: " + field);
            }
        }
        extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
        for (String key : KNOWN_FIELDS) {
            if (extra.has(key)) {
                throw new IllegalArgumentException("extra must not hold a known field: " + key);
            }
        }
    }

    /** A copy of the unmodelled keys, in the file's order; changing it does not change this record. */
    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }

    /** Whether the record had this known field, with a value or with an explicit {@code null}. */
    public boolean has(String field) {
        return field.equals(ID) || field.equals(TITLE) || nullFields.contains(field)
                || valueOf(field, description, details, testStrategy, status, priority, dependencies, subtasks) != null;
    }

    /** Whether the record held an explicit JSON {@code null} for this known field. */
    public boolean isNull(String field) {
        return nullFields.contains(field);
    }

    /** The status Task Master works with: {@code pending} when the file has none. */
    public String effectiveStatus() {
        return status == null ? "pending" : status;
    }

    /** A builder starting from this record. */
    public Builder toBuilder() {
        Builder builder = new Builder(id, title)
                .description(description).details(details).testStrategy(testStrategy)
                .status(status).priority(priority).dependencies(dependencies).subtasks(subtasks)
                .extra(extra);
        nullFields.forEach(builder::nullField);
        return builder;
    }

    public static Builder builder(WrittenId id, String title) {
        return new Builder(id, title);
    }

    private static Object valueOf(String field, String description, String details, String testStrategy,
            String status, String priority, List<WrittenId> dependencies, List<TaskRecord> subtasks) {
        return switch (field) {
            case DESCRIPTION -> description;
            case DETAILS -> details;
            case TEST_STRATEGY -> testStrategy;
            case STATUS -> status;
            case PRIORITY -> priority;
            case DEPENDENCIES -> dependencies;
            case SUBTASKS -> subtasks;
            default -> null;
        };
    }

    /** Builds a {@link TaskRecord}; fields left unset are absent from the record. */
    public static final class Builder {
        private WrittenId id;
        private String title;
        private String description;
        private String details;
        private String testStrategy;
        private String status;
        private String priority;
        private List<WrittenId> dependencies;
        private List<TaskRecord> subtasks;
        private final Set<String> nullFields = new LinkedHashSet<>();
        private ObjectNode extra;

        private Builder(WrittenId id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder id(WrittenId value) {
            id = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder details(String value) {
            details = value;
            return this;
        }

        public Builder testStrategy(String value) {
            testStrategy = value;
            return this;
        }

        public Builder status(String value) {
            status = value;
            return this;
        }

        public Builder priority(String value) {
            priority = value;
            return this;
        }

        public Builder dependencies(List<WrittenId> value) {
            dependencies = value == null ? null : new ArrayList<>(value);
            return this;
        }

        public Builder subtasks(List<TaskRecord> value) {
            subtasks = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /** Marks a known field as an explicit JSON {@code null}; its value must be left unset. */
        public Builder nullField(String field) {
            nullFields.add(field);
            return this;
        }

        public Builder extra(ObjectNode value) {
            extra = value;
            return this;
        }

        public TaskRecord build() {
            return new TaskRecord(id, title, description, details, testStrategy, status, priority,
                    dependencies, subtasks, nullFields, extra);
        }
    }
}
