package io.taskservice.taskmaster;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One tag of a {@code tasks.json} file, immutable: its name, its tasks in file order, its {@code metadata} object
 * ({@code null} when the tag had none) and every other tag-level key ({@link #extra()}) in the file's order.
 */
public record TaskList(String name, List<TaskRecord> tasks, ObjectNode metadata, ObjectNode extra) {

    public static final String TASKS = "tasks";
    public static final String METADATA = "metadata";

    public TaskList {
        Objects.requireNonNull(name, "name");
        tasks = List.copyOf(tasks);
        metadata = metadata == null ? null : metadata.deepCopy();
        extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
        if (extra.has(TASKS) || extra.has(METADATA)) {
            throw new IllegalArgumentException("extra must not hold tasks or metadata");
        }
    }

    public TaskList(String name, List<TaskRecord> tasks, ObjectNode metadata) {
        this(name, tasks, metadata, null);
    }

    /** A copy of the metadata object, or {@code null} when the tag had none. */
    @Override
    public ObjectNode metadata() {
        return metadata == null ? null : metadata.deepCopy();
    }

    /** A copy of the other tag-level keys. */
    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }

    /** The number of records in this tag, subtasks at every depth included. */
    public int recordCount() {
        return count(tasks);
    }

    private static int count(List<TaskRecord> records) {
        int total = 0;
        for (TaskRecord record : records) {
            total += 1 + (record.subtasks() == null ? 0 : count(record.subtasks()));
        }
        return total;
    }
}
