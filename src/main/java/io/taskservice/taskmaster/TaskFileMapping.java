package io.taskservice.taskmaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskservice.task.graph.TaskNode;
import io.taskservice.taskmaster.TaskFileRows.DependencyRow;
import io.taskservice.taskmaster.TaskFileRows.TagRow;
import io.taskservice.taskmaster.TaskFileRows.TaskRow;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a {@link TaskFile} maps to the schema's rows and back, as plain Java: {@link #toRows} plans an import,
 * {@link #toFile} builds an export. {@code toFile(toRows(file))} gives back every field of the file: what the
 * columns cannot tell is kept in {@code task.written_shape} (the id as written, explicit nulls, absent fields),
 * {@code task.extra} and {@code tag.extra}. docs/taskmaster-format.md describes the mapping.
 */
public final class TaskFileMapping {

    /** {@code written_shape} keys; see V3__dependency_as_written.sql. */
    static final String SHAPE_ID = "id";
    static final String SHAPE_NULL = "null";
    static final String SHAPE_ABSENT = "absent";

    /** Fields an export writes even when the columns hold nothing, unless {@code written_shape.absent} names them. */
    private static final List<String> WRITTEN_WHEN_EMPTY =
            List.of(TaskRecord.STATUS, TaskRecord.DEPENDENCIES, TaskRecord.SUBTASKS);
    private static final String DEFAULT_STATUS = "pending";
    /** {@code task_dependency.position} is a smallint. */
    static final int MAX_DEPENDENCIES = Short.MAX_VALUE + 1;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TaskFileMapping() {
    }

    // ---------------------------------------------------------------- import

    /**
     * The rows an import writes, with local ids: tags {@code 0..}, tasks {@code 0..} parent first. A subtask that
     * repeats a sibling's id gets a fresh key (the next free number at its level for a numeric id, else
     * {@code <id>-<n>}) and keeps its written id in {@code written_shape.id}.
     */
    public static TaskFileRows toRows(TaskFile file) {
        Planner planner = new Planner();
        for (TaskList tag : file.tags()) {
            planner.tag(tag);
        }
        return new TaskFileRows(planner.tags, planner.tasks, planner.dependencies);
    }

    /**
     * What the file holds that PostgreSQL cannot store: the character U+0000 in a text or JSON value or key, and
     * more dependencies in one list than {@code task_dependency.position} counts. Empty for every real file.
     */
    public static List<TaskFileProblem> unstorable(TaskFile file) {
        List<TaskFileProblem> problems = new ArrayList<>();
        for (TaskList tag : file.tags()) {
            if (hasNul(tag.metadata())) {
                problems.add(new TaskFileProblem(tag.name(), null, TaskList.METADATA, NUL_MESSAGE));
            }
            tag.extra().properties().forEach(entry -> {
                if (hasNul(entry.getKey()) || hasNul(entry.getValue())) {
                    problems.add(new TaskFileProblem(tag.name(), null, entry.getKey(), NUL_MESSAGE));
                }
            });
            unstorable(tag.name(), null, tag.tasks(), problems);
        }
        return problems;
    }

    private static final String NUL_MESSAGE = "contains the character U+0000, which PostgreSQL cannot store";

    private static void unstorable(String tag, String parentId, List<TaskRecord> records, List<TaskFileProblem> problems) {
        for (TaskRecord record : records) {
            String id = parentId == null ? record.id().text() : parentId + "." + record.id().text();
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put(TaskRecord.TITLE, record.title());
            texts.put(TaskRecord.DESCRIPTION, record.description());
            texts.put(TaskRecord.DETAILS, record.details());
            texts.put(TaskRecord.TEST_STRATEGY, record.testStrategy());
            texts.forEach((field, value) -> {
                if (hasNul(value)) {
                    problems.add(new TaskFileProblem(tag, id, field, NUL_MESSAGE));
                }
            });
            record.extra().properties().forEach(entry -> {
                if (hasNul(entry.getKey()) || hasNul(entry.getValue())) {
                    problems.add(new TaskFileProblem(tag, id, entry.getKey(), NUL_MESSAGE));
                }
            });
            if (record.dependencies() != null && record.dependencies().size() > MAX_DEPENDENCIES) {
                problems.add(new TaskFileProblem(tag, id, TaskRecord.DEPENDENCIES,
                        "must have at most " + MAX_DEPENDENCIES + " entries"));
            }
            if (record.subtasks() != null) {
                unstorable(tag, id, record.subtasks(), problems);
            }
        }
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    private static boolean hasNul(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isTextual()) {
            return hasNul(node.textValue());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (hasNul(entry.getKey()) || hasNul(entry.getValue())) {
                    return true;
                }
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasNul(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Plans the rows of one import; ids are positions in the lists. */
    private static final class Planner {
        final List<TagRow> tags = new ArrayList<>();
        final List<TaskRow> tasks = new ArrayList<>();
        final List<DependencyRow> dependencies = new ArrayList<>();

        /** A record with its local id and full id as written, for resolving dependencies once the tag is planned. */
        private record Planned(long id, String parentFullId, TaskRecord record) {
        }

        void tag(TaskList list) {
            long tagId = tags.size();
            tags.add(new TagRow(tagId, list.name(), list.metadata(), list.extra()));
            List<Planned> planned = new ArrayList<>();
            level(tagId, null, null, list.tasks(), planned);
            // A written full id names the first record holding it (the one that kept its key), as Task Master finds it.
            Map<String, Long> byFullId = new HashMap<>();
            for (Planned p : planned) {
                byFullId.putIfAbsent(fullId(p.parentFullId(), p.record().id().text()), p.id());
            }
            for (Planned p : planned) {
                List<WrittenId> written = p.record().dependencies();
                if (written == null) {
                    continue;
                }
                Set<Long> resolved = new HashSet<>();
                for (int i = 0; i < written.size(); i++) {
                    WrittenId dependency = written.get(i);
                    Object value = dependency.isNumber() ? new BigInteger(dependency.text()) : dependency.text();
                    Long target = byFullId.get(TaskNode.Dependency.of(value, p.parentFullId()).id());
                    boolean resolves = target != null && target != p.id() && resolved.add(target);
                    dependencies.add(new DependencyRow(p.id(), i, resolves ? target : null, dependency.text(),
                            dependency.isNumber()));
                }
            }
        }

        private void level(long tagId, Long parentId, String parentFullId, List<TaskRecord> records, List<Planned> planned) {
            List<String> keys = keys(records);
            for (int position = 0; position < records.size(); position++) {
                TaskRecord record = records.get(position);
                String key = keys.get(position);
                long id = tasks.size();
                tasks.add(new TaskRow(id, tagId, parentId, key, record.title(), record.description(), record.details(),
                        record.testStrategy(), record.status() == null ? DEFAULT_STATUS : record.status(),
                        record.priority(), position, record.extra(), writtenShape(record, key)));
                planned.add(new Planned(id, parentFullId, record));
                if (record.subtasks() != null) {
                    level(tagId, id, fullId(parentFullId, record.id().text()), record.subtasks(), planned);
                }
            }
        }
    }

    /**
     * The keys of one level: each record's id as written; a repeat of an id (Task Master compares them as
     * {@link WrittenId#canonical()}) gets the next free number at the level when numeric, else {@code <id>-<n>}.
     */
    static List<String> keys(List<TaskRecord> records) {
        Set<String> taken = new HashSet<>();
        BigInteger highest = BigInteger.ZERO;
        for (TaskRecord record : records) {
            taken.add(record.id().canonical());
            if (record.id().isNumeric()) {
                highest = highest.max(new BigInteger(record.id().text()));
            }
        }
        Set<String> seen = new HashSet<>();
        List<String> keys = new ArrayList<>(records.size());
        for (TaskRecord record : records) {
            WrittenId id = record.id();
            if (seen.add(id.canonical())) {
                keys.add(id.text());
                continue;
            }
            String fresh;
            if (id.isNumeric()) {
                do {
                    highest = highest.add(BigInteger.ONE);
                    fresh = highest.toString();
                } while (!taken.add(fresh));
            } else {
                int n = 2;
                do {
                    String suffix = "-" + n++;
                    String base = id.text();
                    if (base.length() + suffix.length() > TaskFileReader.MAX_ID_LENGTH) {
                        base = base.substring(0, TaskFileReader.MAX_ID_LENGTH - suffix.length());
                    }
                    fresh = base + suffix;
                } while (!taken.add(WrittenId.string(fresh).canonical()));
            }
            keys.add(fresh);
        }
        return keys;
    }

    /** What the columns cannot tell about how the record was written; empty for a default-shaped record. */
    private static ObjectNode writtenShape(TaskRecord record, String key) {
        ObjectNode shape = NODES.objectNode();
        if (!key.equals(record.id().text()) || !record.id().equals(defaultId(key))) {
            shape.set(SHAPE_ID, record.id().toJson());
        }
        if (!record.nullFields().isEmpty()) {
            ArrayNode nulls = shape.putArray(SHAPE_NULL);
            record.nullFields().forEach(nulls::add);
        }
        List<String> absent = WRITTEN_WHEN_EMPTY.stream().filter(field -> !record.has(field)).toList();
        if (!absent.isEmpty()) {
            ArrayNode list = shape.putArray(SHAPE_ABSENT);
            absent.forEach(list::add);
        }
        return shape;
    }

    /**
     * How an export writes a key that has no {@code written_shape.id}: a number as a JSON number, anything else
     * (a slug, or digits with a leading zero, which are no JSON number) as a string.
     */
    static WrittenId defaultId(String key) {
        boolean number = WrittenId.string(key).isNumeric() && (key.length() == 1 || key.charAt(0) != '0');
        return number ? WrittenId.number(key) : WrittenId.string(key);
    }

    private static String fullId(String parentFullId, String id) {
        return parentFullId == null ? id : parentFullId + "." + id;
    }

    // ---------------------------------------------------------------- export

    /**
     * The task file the rows describe: tags in the order of the list, each level's tasks by position (then Task
     * Master order, then row id), each task's dependencies by position, written as written.
     */
    public static TaskFile toFile(TaskFileRows rows) {
        Map<Long, List<TaskRow>> topLevel = new HashMap<>();
        Map<Long, List<TaskRow>> children = new HashMap<>();
        for (TaskRow task : rows.tasks()) {
            if (task.parentId() == null) {
                topLevel.computeIfAbsent(task.tagId(), id -> new ArrayList<>()).add(task);
            } else {
                children.computeIfAbsent(task.parentId(), id -> new ArrayList<>()).add(task);
            }
        }
        Map<Long, List<DependencyRow>> dependencies = new HashMap<>();
        for (DependencyRow dependency : rows.dependencies()) {
            dependencies.computeIfAbsent(dependency.taskId(), id -> new ArrayList<>()).add(dependency);
        }
        Exporter exporter = new Exporter(children, dependencies);
        List<TaskList> tags = new ArrayList<>();
        for (TagRow tag : rows.tags()) {
            tags.add(new TaskList(tag.name(), exporter.records(topLevel.get(tag.id())), tag.metadata(), tag.extra()));
        }
        return new TaskFile(tags, false);
    }

    private record Exporter(Map<Long, List<TaskRow>> children, Map<Long, List<DependencyRow>> dependencies) {

        private static final Comparator<TaskRow> ORDER = Comparator.comparingInt(TaskRow::position)
                .thenComparing(task -> sortKey(task.key())).thenComparingLong(TaskRow::id);
        /** Resolved before unresolved at one position: positions are shared by both tables. */
        private static final Comparator<DependencyRow> DEPENDENCY_ORDER = Comparator.comparingInt(DependencyRow::position)
                .thenComparing(dependency -> !dependency.resolved());

        List<TaskRecord> records(List<TaskRow> level) {
            if (level == null) {
                return List.of();
            }
            return level.stream().sorted(ORDER).map(this::record).toList();
        }

        private TaskRecord record(TaskRow task) {
            ObjectNode shape = task.writtenShape() == null ? NODES.objectNode() : task.writtenShape();
            Set<String> nulls = names(shape.get(SHAPE_NULL));
            Set<String> absent = names(shape.get(SHAPE_ABSENT));
            TaskRecord.Builder builder = TaskRecord.builder(id(task.key(), shape.get(SHAPE_ID)), task.title())
                    .description(task.description()).details(task.details()).testStrategy(task.testStrategy())
                    .priority(task.priority()).extra(task.extra());
            for (String field : List.of(TaskRecord.DESCRIPTION, TaskRecord.DETAILS, TaskRecord.TEST_STRATEGY, TaskRecord.PRIORITY)) {
                if (nulls.contains(field) && value(task, field) == null) {
                    builder.nullField(field);
                }
            }
            // A status, dependency or subtask the record lacked but the task has gained since is written.
            boolean defaultStatus = DEFAULT_STATUS.equals(task.status());
            if (defaultStatus && nulls.contains(TaskRecord.STATUS)) {
                builder.nullField(TaskRecord.STATUS);
            } else if (!(defaultStatus && absent.contains(TaskRecord.STATUS))) {
                builder.status(task.status());
            }
            List<DependencyRow> written = dependencies.getOrDefault(task.id(), List.of());
            if (!written.isEmpty()) {
                builder.dependencies(written.stream().sorted(DEPENDENCY_ORDER)
                        .map(d -> d.writtenAsNumber() ? WrittenId.number(d.written()) : WrittenId.string(d.written())).toList());
            } else if (nulls.contains(TaskRecord.DEPENDENCIES)) {
                builder.nullField(TaskRecord.DEPENDENCIES);
            } else if (!absent.contains(TaskRecord.DEPENDENCIES)) {
                builder.dependencies(List.of());
            }
            List<TaskRow> subtasks = children.get(task.id());
            if (subtasks != null) {
                builder.subtasks(records(subtasks));
            } else if (nulls.contains(TaskRecord.SUBTASKS)) {
                builder.nullField(TaskRecord.SUBTASKS);
            } else if (!absent.contains(TaskRecord.SUBTASKS)) {
                builder.subtasks(List.of());
            }
            return builder.build();
        }

        private static String value(TaskRow task, String field) {
            return switch (field) {
                case TaskRecord.DESCRIPTION -> task.description();
                case TaskRecord.DETAILS -> task.details();
                case TaskRecord.TEST_STRATEGY -> task.testStrategy();
                case TaskRecord.PRIORITY -> task.priority();
                default -> throw new IllegalArgumentException(field);
            };
        }

        private static WrittenId id(String key, JsonNode written) {
            if (written == null) {
                return defaultId(key);
            }
            return written.isIntegralNumber() ? WrittenId.number(written.bigIntegerValue().toString())
                    : WrittenId.string(written.asText());
        }

        private static Set<String> names(JsonNode list) {
            Set<String> names = new HashSet<>();
            if (list != null && list.isArray()) {
                list.forEach(name -> names.add(name.asText()));
            }
            return names;
        }

        /** Task Master order, as the schema's {@code sort_key}: numbers by value, then slugs. */
        private static String sortKey(String key) {
            return WrittenId.string(key).isNumeric() && key.length() <= 18
                    ? "0".repeat(19 - key.length()) + key
                    : "~" + key;
        }
    }
}
