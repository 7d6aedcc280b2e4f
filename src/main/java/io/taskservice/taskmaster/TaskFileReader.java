package io.taskservice.taskmaster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a whole Task Master {@code tasks.json}, tagged ({@code {"<tag>": {"tasks": [...], "metadata": {...}}}})
 * or legacy ({@code {"tasks": [...]}}), into a {@link TaskFile}. Checks every record and reports every problem at
 * once ({@link InvalidTaskFileException}); keeps every value exactly as written. Thread-safe.
 */
public final class TaskFileReader {

    /** Reporting stops after this many problems, with one last problem saying so. */
    public static final int MAX_PROBLEMS = 1000;
    public static final int MAX_ID_LENGTH = 100;
    public static final int MAX_TAG_LENGTH = 100;
    public static final int MAX_TITLE_LENGTH = 1000;

    public static final List<String> STATUSES =
            List.of("pending", "in-progress", "review", "done", "deferred", "cancelled", "blocked");
    public static final List<String> PRIORITIES = List.of("low", "medium", "high", "critical");

    static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    static final Pattern TAG_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** @throws InvalidTaskFileException with every problem when the file is not a valid tasks.json */
    public TaskFile read(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return read(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array fails only through the parser
        }
    }

    /**
     * Reads the stream to its end; does not close it.
     *
     * @throws InvalidTaskFileException with every problem when the file is not a valid tasks.json
     * @throws IOException when the stream itself fails
     */
    public TaskFile read(InputStream in) throws IOException {
        try (JsonParser parser = JSON.createParser(in)) {
            return read(parser);
        }
    }

    private TaskFile read(JsonParser parser) throws IOException {
        JsonNode root;
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw problems(new TaskFileProblem(null, null, null, "the file is empty"));
            }
            root = readTree(parser, first);
            if (parser.nextToken() != null) {
                throw problems(malformed(parser.currentTokenLocation(), "unexpected content after the JSON value"));
            }
        } catch (JsonProcessingException e) {
            throw problems(malformed(e));
        }
        return new Validation().file(root);
    }

    private static InvalidTaskFileException problems(TaskFileProblem problem) {
        return new InvalidTaskFileException(List.of(problem));
    }

    /** Names the place and the kind of the syntax error, never the text found there. */
    private static TaskFileProblem malformed(JsonProcessingException e) {
        String kind;
        if (e instanceof JsonEOFException) {
            kind = "unexpected end of input";
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            kind = "duplicate key in an object";
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("Invalid UTF-8")) {
            kind = "invalid UTF-8";
        } else if (e.getClass().getSimpleName().contains("Constraints")) {
            kind = "a value or nesting exceeds the parser's limits";
        } else {
            kind = "invalid or unexpected token";
        }
        return malformed(e.getLocation(), kind);
    }

    private static TaskFileProblem malformed(JsonLocation location, String kind) {
        String where = location == null || location.getLineNr() < 0
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new TaskFileProblem(null, null, null, "malformed JSON" + where + ": " + kind);
    }

    /** Builds the tree with {@link ExactDecimalNode} for fractions, so numbers keep their exact text. */
    private static JsonNode readTree(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                String name;
                while ((name = parser.nextFieldName()) != null) {
                    object.set(name, readTree(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(readTree(parser, next));
                }
                return array;
            }
            case VALUE_STRING:
                return TextNode.valueOf(parser.getText());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> IntNode.valueOf(parser.getIntValue());
                    case LONG -> LongNode.valueOf(parser.getLongValue());
                    default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return new ExactDecimalNode(parser.getText());
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            case VALUE_NULL:
                return NullNode.instance;
            default:
                throw new IllegalStateException("unexpected token " + token);
        }
    }

    /** One pass over the tree: builds the model and collects every problem. */
    private static final class Validation {

        private final List<TaskFileProblem> problems = new ArrayList<>();
        private final List<TaskFileProblem> warnings = new ArrayList<>();
        private boolean truncated;

        TaskFile file(JsonNode root) {
            if (!root.isObject()) {
                throw problems(new TaskFileProblem(null, null, null,
                        "the file must be a JSON object: {\"<tag>\": {\"tasks\": [...]}} or {\"tasks\": [...]}"));
            }
            List<TaskList> tags = new ArrayList<>();
            boolean legacy = root.path(TaskList.TASKS).isArray();
            if (legacy) {
                tags.add(tag(TaskFile.LEGACY_TAG, (ObjectNode) root));
            } else {
                for (Map.Entry<String, JsonNode> entry : root.properties()) {
                    String name = entry.getKey();
                    if (name.length() > MAX_TAG_LENGTH || !TAG_NAME.matcher(name).matches()) {
                        add(null, null, null, "tag name must be 1-" + MAX_TAG_LENGTH
                                + " letters, digits, '.', '_' or '-', starting with a letter or digit");
                        continue;
                    }
                    if (!entry.getValue().isObject()) {
                        add(name, null, null, "a tag must be an object with a \"tasks\" array");
                        continue;
                    }
                    tags.add(tag(name, (ObjectNode) entry.getValue()));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidTaskFileException(problems);
            }
            return new TaskFile(tags, legacy, warnings);
        }

        private TaskList tag(String name, ObjectNode object) {
            JsonNode tasks = object.get(TaskList.TASKS);
            List<TaskRecord> records = List.of();
            if (tasks == null) {
                add(name, null, TaskList.TASKS, "is required: an array of tasks");
            } else if (!tasks.isArray()) {
                add(name, null, TaskList.TASKS, "must be an array");
            } else {
                records = records(name, null, TaskList.TASKS, (ArrayNode) tasks);
            }
            JsonNode metadata = object.get(TaskList.METADATA);
            if (metadata != null && !metadata.isObject()) {
                add(name, null, TaskList.METADATA, "must be an object");
                metadata = null;
            }
            ObjectNode extra = NODES.objectNode();
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                if (!entry.getKey().equals(TaskList.TASKS) && !entry.getKey().equals(TaskList.METADATA)) {
                    extra.set(entry.getKey(), entry.getValue());
                }
            }
            return new TaskList(name, records, (ObjectNode) metadata, extra);
        }

        /** The records of one level: a tag's tasks or a record's subtasks; ids unique within the level. */
        private List<TaskRecord> records(String tag, String parentId, String listField, ArrayNode array) {
            List<TaskRecord> records = new ArrayList<>(array.size());
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                String position = listField + "[" + i + "]";
                if (!element.isObject()) {
                    add(tag, parentId, position, "must be an object");
                    continue;
                }
                TaskRecord record = record(tag, parentId, position, (ObjectNode) element);
                if (record != null && seen.putIfAbsent(record.id().canonical(), record.id().text()) != null) {
                    if (parentId == null) {
                        add(tag, record.id().text(), TaskRecord.ID,
                                "is not unique: another task of this tag has the same id");
                    } else {
                        // Real files have these (an old expand wrote the parent's id on every new subtask);
                        // Task Master reads them and addresses the first. Kept as written, reported.
                        warnings.add(new TaskFileProblem(tag, fullId(parentId, record.id()), position + ".id",
                                "is not unique: another subtask of " + parentId
                                        + " has the same id; Task Master addresses only the first"));
                    }
                }
                if (record != null) {
                    records.add(record);
                }
            }
            return records;
        }

        /** One record, or {@code null} when its id or title is unusable (the problems are recorded). */
        private TaskRecord record(String tag, String parentId, String position, ObjectNode object) {
            int problemsBefore = problems.size();
            WrittenId id = id(object.get(TaskRecord.ID));
            // Problems of a record without a usable id are placed by position under the nearest known id.
            String where = id == null ? parentId : fullId(parentId, id);
            String prefix = id == null ? position + "." : "";
            if (id == null) {
                add(tag, where, prefix + TaskRecord.ID, object.has(TaskRecord.ID)
                        ? "must be a positive integer or a string of 1-" + MAX_ID_LENGTH
                                + " letters, digits, '_' or '-' starting with a letter or digit"
                        : "is required");
            }

            Set<String> nullFields = new LinkedHashSet<>();
            String title = title(tag, where, prefix, object.get(TaskRecord.TITLE));
            String description = text(tag, where, prefix, TaskRecord.DESCRIPTION, object, nullFields);
            String details = text(tag, where, prefix, TaskRecord.DETAILS, object, nullFields);
            String testStrategy = text(tag, where, prefix, TaskRecord.TEST_STRATEGY, object, nullFields);
            String status = oneOf(tag, where, prefix, TaskRecord.STATUS, STATUSES, object, nullFields);
            String priority = oneOf(tag, where, prefix, TaskRecord.PRIORITY, PRIORITIES, object, nullFields);
            List<WrittenId> dependencies = dependencies(tag, where, prefix, object, nullFields);

            List<TaskRecord> subtasks = null;
            JsonNode subtaskNode = object.get(TaskRecord.SUBTASKS);
            if (subtaskNode != null) {
                if (subtaskNode.isNull()) {
                    nullFields.add(TaskRecord.SUBTASKS);
                } else if (!subtaskNode.isArray()) {
                    add(tag, where, prefix + TaskRecord.SUBTASKS, "must be an array");
                } else if (id != null) {
                    if (parentId != null && !subtaskNode.isEmpty()) {
                        warnings.add(new TaskFileProblem(tag, where, prefix + TaskRecord.SUBTASKS,
                                "subtasks of a subtask: kept as written, but Task Master reads one level only"));
                    }
                    // Without the parent's id its subtasks' full ids are unknown: they are checked once it has one.
                    subtasks = records(tag, where, TaskRecord.SUBTASKS, (ArrayNode) subtaskNode);
                }
            }

            ObjectNode extra = NODES.objectNode();
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                if (!TaskRecord.KNOWN_FIELDS.contains(entry.getKey())) {
                    extra.set(entry.getKey(), entry.getValue());
                }
            }
            if (problems.size() > problemsBefore || truncated) {
                return id == null ? null : placeholder(id);
            }
            return new TaskRecord(id, title, description, details, testStrategy, status, priority,
                    dependencies, subtasks, nullFields, extra);
        }

        /** Stands in for an invalid record so that its id still counts for uniqueness; never returned. */
        private static TaskRecord placeholder(WrittenId id) {
            return new TaskRecord(id, "", null, null, null, null, null, null, null, null, null);
        }

        private String title(String tag, String where, String prefix, JsonNode node) {
            String field = prefix + TaskRecord.TITLE;
            if (node == null || node.isNull()) {
                add(tag, where, field, "is required");
                return null;
            }
            if (!node.isTextual()) {
                add(tag, where, field, "must be a string");
                return null;
            }
            String title = node.textValue();
            int length = title.codePointCount(0, title.length());
            if (length == 0) {
                add(tag, where, field, "must not be empty");
            } else if (length > MAX_TITLE_LENGTH) {
                add(tag, where, field, "must be at most " + MAX_TITLE_LENGTH + " characters (has " + length + ")");
            }
            return title;
        }

        private String text(String tag, String where, String prefix, String field, ObjectNode object,
                Set<String> nullFields) {
            JsonNode node = object.get(field);
            if (node == null) {
                return null;
            }
            if (node.isNull()) {
                nullFields.add(field);
                return null;
            }
            if (!node.isTextual()) {
                add(tag, where, prefix + field, "must be a string or null");
                return null;
            }
            return node.textValue();
        }

        private String oneOf(String tag, String where, String prefix, String field, List<String> allowed,
                ObjectNode object, Set<String> nullFields) {
            String value = text(tag, where, prefix, field, object, nullFields);
            if (value != null && !allowed.contains(value)) {
                add(tag, where, prefix + field, "must be one of " + String.join(", ", allowed)
                        + " (is " + quoted(value) + ")");
                return null;
            }
            return value;
        }

        private List<WrittenId> dependencies(String tag, String where, String prefix, ObjectNode object,
                Set<String> nullFields) {
            JsonNode node = object.get(TaskRecord.DEPENDENCIES);
            if (node == null) {
                return null;
            }
            if (node.isNull()) {
                nullFields.add(TaskRecord.DEPENDENCIES);
                return null;
            }
            if (!node.isArray()) {
                add(tag, where, prefix + TaskRecord.DEPENDENCIES, "must be an array of task ids");
                return null;
            }
            List<WrittenId> dependencies = new ArrayList<>(node.size());
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                String field = prefix + TaskRecord.DEPENDENCIES + "[" + i + "]";
                WrittenId dependency = reference(node.get(i));
                if (dependency == null) {
                    add(tag, where, field, "must be a task id: a positive integer, a string id such as \"12\" or"
                            + " \"setup-db\", or a subtask id such as \"3.1\"");
                } else if (!seen.add(dependency.canonical())) {
                    add(tag, where, field, "repeats dependency " + quoted(dependency.text()));
                } else {
                    dependencies.add(dependency);
                }
            }
            return dependencies;
        }

        private void add(String tag, String taskId, String field, String message) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new TaskFileProblem(tag, taskId, field, message));
            } else if (!truncated) {
                truncated = true;
                problems.add(new TaskFileProblem(null, null, null,
                        "more problems not listed: reporting stops after " + MAX_PROBLEMS));
            }
        }
    }

    /** A record's id: a positive integer or a slug; {@code null} when it is neither. */
    static WrittenId id(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber()) {
            String text = node.bigIntegerValue().toString();
            return node.bigIntegerValue().signum() > 0 && text.length() <= MAX_ID_LENGTH ? WrittenId.number(text) : null;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return isSlug(text) ? WrittenId.string(text) : null;
        }
        return null;
    }

    /** A dependency: an id, or a dotted subtask id {@code "parent.child"} written as a string. */
    static WrittenId reference(JsonNode node) {
        if (node != null && node.isTextual()) {
            String text = node.textValue();
            int dot = text.indexOf('.');
            if (dot >= 0) {
                return isSlug(text.substring(0, dot)) && isSlug(text.substring(dot + 1)) ? WrittenId.string(text) : null;
            }
        }
        return id(node);
    }

    /** A string id: a slug, and not zero when it is all digits ({@code "0"} is no id Task Master gives). */
    private static boolean isSlug(String text) {
        return !text.isEmpty() && text.length() <= MAX_ID_LENGTH && SLUG.matcher(text).matches()
                && !(WrittenId.isDigits(text) && text.chars().allMatch(c -> c == '0'));
    }

    private static String fullId(String parentId, WrittenId id) {
        return parentId == null ? id.text() : parentId + "." + id.text();
    }

    private static String quoted(String value) {
        return "\"" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "\"";
    }
}
