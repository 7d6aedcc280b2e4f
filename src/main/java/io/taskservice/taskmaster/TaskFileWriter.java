package io.taskservice.taskmaster;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link TaskFile} as a tagged {@code tasks.json} the way Task Master writes one
 * ({@code JSON.stringify(data, null, 2)}): two-space indent, {@code "key": value}, {@code []} and {@code {}} for
 * empty containers, no trailing newline. Known fields come first in Task Master's order, then every extra key in
 * its original order; ids and dependencies keep their JSON type. A legacy file is written tagged, under
 * {@code master}. Thread-safe.
 */
public final class TaskFileWriter {

    /** Escapes like {@code JSON.stringify}: characters beyond U+FFFF raw in UTF-8, {@code \u001f} lower-case. */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .build());
    private static final DefaultPrettyPrinter TASK_MASTER_STYLE = taskMasterStyle();

    /** The tagged file as UTF-8 bytes. */
    public byte[] write(TaskFile file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            write(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return out.toByteArray();
    }

    public String writeString(TaskFile file) {
        return new String(write(file), StandardCharsets.UTF_8);
    }

    /** Writes the tagged file to {@code out} as UTF-8; does not close it. */
    public void write(TaskFile file, OutputStream out) throws IOException {
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.setPrettyPrinter(new DefaultPrettyPrinter(TASK_MASTER_STYLE));
            generator.writeStartObject();
            for (TaskList tag : file.tags()) {
                generator.writeFieldName(tag.name());
                writeTag(generator, tag);
            }
            generator.writeEndObject();
        }
    }

    private static void writeTag(JsonGenerator generator, TaskList tag) throws IOException {
        generator.writeStartObject();
        generator.writeFieldName(TaskList.TASKS);
        writeRecords(generator, tag.tasks(), true);
        ObjectNode metadata = tag.metadata();
        if (metadata != null) {
            generator.writeFieldName(TaskList.METADATA);
            generator.writeTree(metadata);
        }
        writeExtra(generator, tag.extra());
        generator.writeEndObject();
    }

    private static void writeRecords(JsonGenerator generator, List<TaskRecord> records, boolean topLevel)
            throws IOException {
        generator.writeStartArray();
        for (TaskRecord record : records) {
            if (topLevel) {
                writeTask(generator, record);
            } else {
                writeSubtask(generator, record);
            }
        }
        generator.writeEndArray();
    }

    /** Task Master's order for a task (parse-prd): id, title, description, status, dependencies, priority, ... */
    private static void writeTask(JsonGenerator generator, TaskRecord task) throws IOException {
        generator.writeStartObject();
        writeId(generator, TaskRecord.ID, task.id());
        generator.writeStringField(TaskRecord.TITLE, task.title());
        writeText(generator, task, TaskRecord.DESCRIPTION, task.description());
        writeText(generator, task, TaskRecord.STATUS, task.status());
        writeDependencies(generator, task);
        writeText(generator, task, TaskRecord.PRIORITY, task.priority());
        writeText(generator, task, TaskRecord.DETAILS, task.details());
        writeText(generator, task, TaskRecord.TEST_STRATEGY, task.testStrategy());
        writeSubtasks(generator, task);
        writeExtra(generator, task.extra());
        generator.writeEndObject();
    }

    /** Task Master's order for a subtask (expand): id, title, description, dependencies, details, status, ... */
    private static void writeSubtask(JsonGenerator generator, TaskRecord subtask) throws IOException {
        generator.writeStartObject();
        writeId(generator, TaskRecord.ID, subtask.id());
        generator.writeStringField(TaskRecord.TITLE, subtask.title());
        writeText(generator, subtask, TaskRecord.DESCRIPTION, subtask.description());
        writeDependencies(generator, subtask);
        writeText(generator, subtask, TaskRecord.DETAILS, subtask.details());
        writeText(generator, subtask, TaskRecord.STATUS, subtask.status());
        writeText(generator, subtask, TaskRecord.PRIORITY, subtask.priority());
        writeText(generator, subtask, TaskRecord.TEST_STRATEGY, subtask.testStrategy());
        writeSubtasks(generator, subtask);
        writeExtra(generator, subtask.extra());
        generator.writeEndObject();
    }

    private static void writeId(JsonGenerator generator, String field, WrittenId id) throws IOException {
        generator.writeFieldName(field);
        writeIdValue(generator, id);
    }

    private static void writeIdValue(JsonGenerator generator, WrittenId id) throws IOException {
        if (id.isNumber()) {
            generator.writeNumber(id.text());
        } else {
            generator.writeString(id.text());
        }
    }

    /** Writes a value, an explicit null, or nothing when the record did not have the field. */
    private static void writeText(JsonGenerator generator, TaskRecord record, String field, String value)
            throws IOException {
        if (value != null) {
            generator.writeStringField(field, value);
        } else if (record.isNull(field)) {
            generator.writeNullField(field);
        }
    }

    private static void writeDependencies(JsonGenerator generator, TaskRecord record) throws IOException {
        if (record.dependencies() != null) {
            generator.writeFieldName(TaskRecord.DEPENDENCIES);
            generator.writeStartArray();
            for (WrittenId dependency : record.dependencies()) {
                writeIdValue(generator, dependency);
            }
            generator.writeEndArray();
        } else if (record.isNull(TaskRecord.DEPENDENCIES)) {
            generator.writeNullField(TaskRecord.DEPENDENCIES);
        }
    }

    private static void writeSubtasks(JsonGenerator generator, TaskRecord record) throws IOException {
        if (record.subtasks() != null) {
            generator.writeFieldName(TaskRecord.SUBTASKS);
            writeRecords(generator, record.subtasks(), false);
        } else if (record.isNull(TaskRecord.SUBTASKS)) {
            generator.writeNullField(TaskRecord.SUBTASKS);
        }
    }

    private static void writeExtra(JsonGenerator generator, ObjectNode extra) throws IOException {
        for (Map.Entry<String, JsonNode> entry : extra.properties()) {
            generator.writeFieldName(entry.getKey());
            generator.writeTree(entry.getValue());
        }
    }

    private static DefaultPrettyPrinter taskMasterStyle() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
