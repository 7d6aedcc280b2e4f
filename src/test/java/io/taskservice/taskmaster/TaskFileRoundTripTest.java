package io.taskservice.taskmaster;

import static io.taskservice.taskmaster.TaskMasterFixtures.bytes;
import static io.taskservice.taskmaster.TaskMasterFixtures.differences;
import static io.taskservice.taskmaster.TaskMasterFixtures.numberTexts;
import static io.taskservice.taskmaster.TaskMasterFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real fixture survives read → write: the written file, parsed, equals the original field by field. The only
 * changes are the documented ones: a legacy file is wrapped in {@code master}, and known keys move to Task
 * Master's order ahead of the extra keys.
 */
class TaskFileRoundTripTest {

    static final List<String> TASK_ORDER = List.of(
            "id", "title", "description", "status", "dependencies", "priority", "details", "testStrategy", "subtasks");
    static final List<String> SUBTASK_ORDER = List.of(
            "id", "title", "description", "dependencies", "details", "status", "priority", "testStrategy", "subtasks");

    private final TaskFileReader reader = new TaskFileReader();
    private final TaskFileWriter writer = new TaskFileWriter();

    static List<Path> fixtures() {
        return TaskMasterFixtures.all();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void writtenFileEqualsTheOriginalFieldByField(Path fixture) {
        byte[] original = bytes(fixture);
        TaskFile file = reader.read(original);
        byte[] written = writer.write(file);

        assertThat(differences(expectedTree(original, file.legacy()), tree(written))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyNumberKeepsItsText(Path fixture) {
        byte[] original = bytes(fixture);
        assertThat(numberTexts(writer.write(reader.read(original)))).isEqualTo(numberTexts(original));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void knownKeysComeInTaskMasterOrderThenExtrasInOriginalOrder(Path fixture) {
        byte[] original = bytes(fixture);
        TaskFile file = reader.read(original);
        JsonNode expected = expectedTree(original, file.legacy());
        JsonNode written = tree(writer.write(file));

        for (Map.Entry<String, JsonNode> tag : expected.properties()) {
            JsonNode writtenTag = written.get(tag.getKey());
            List<String> tagKeys = new ArrayList<>(List.of("tasks"));
            if (tag.getValue().has("metadata")) {
                tagKeys.add("metadata");
            }
            names(tag.getValue()).stream().filter(name -> !tagKeys.contains(name)).forEach(tagKeys::add);
            assertThat(names(writtenTag)).as("keys of tag %s", tag.getKey()).isEqualTo(tagKeys);
            assertKeyOrder(tag.getValue().get("tasks"), writtenTag.get("tasks"), TASK_ORDER, tag.getKey());
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void writingWhatWasWrittenGivesTheSameBytes(Path fixture) {
        byte[] once = writer.write(reader.read(bytes(fixture)));
        byte[] twice = writer.write(reader.read(once));
        assertThat(new String(twice, StandardCharsets.UTF_8)).isEqualTo(new String(once, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void writtenFileIsTaskMasterStyle(Path fixture) {
        String written = writer.writeString(reader.read(bytes(fixture)));
        // Strings never span lines, so a pattern anchored at a line's start or end sees only structure.
        assertThat(written).startsWith("{\n  \"").endsWith("\n}").doesNotContain("\r", "\t")
                .doesNotContainPattern("(?m)^ *\"[^\"\n]*\" : ")
                .doesNotContainPattern("(?m)(: |^ *)(\\[ \\]|\\{ \\}),?$")
                .containsPattern("(?m)^(  )+\"dependencies\": \\[\\],?$");
        assertThat(written.lines()).allMatch(line -> line.matches("( {2})*[^ ].*"), "indented by two spaces");
    }

    @Test
    void fixturesHoldWhatTheirSourcesDescribe() {
        TaskFile claude = reader.read(bytes(TaskMasterFixtures.named("claude-task-master")));
        assertThat(claude.legacy()).isFalse();
        assertThat(claude.tags()).hasSize(9);
        assertThat(claude.tags().stream().mapToInt(tag -> tag.tasks().size()).sum()).isEqualTo(182);
        assertThat(claude.tags().stream().mapToInt(TaskList::recordCount).sum()).isEqualTo(182 + 914);

        TaskFile legacy = reader.read(bytes(TaskMasterFixtures.named("financial-agent-demo")));
        assertThat(legacy.legacy()).isTrue();
        assertThat(legacy.tags()).extracting(TaskList::name).containsExactly("master");

        TaskFile sync = reader.read(bytes(TaskMasterFixtures.named("taskmaster-sync")));
        TaskRecord core = sync.tag("master").orElseThrow().tasks().getFirst();
        assertThat(core.id()).isEqualTo(TaskId.string("rust-conversion-core"));
        TaskRecord cli = core.subtasks().getFirst();
        assertThat(cli.details()).isNull();
        assertThat(cli.isNull(TaskRecord.DETAILS)).isTrue();
        assertThat(cli.extra().get("assignee").asText()).isEqualTo("swe-1-5dlabs");
    }

    /** The original as a tagged tree: a legacy file's top level becomes the tag {@code master}. */
    private static JsonNode expectedTree(byte[] original, boolean legacy) {
        JsonNode tree = tree(original);
        if (!legacy) {
            return tree;
        }
        ObjectNode tagged = TaskMasterFixtures.JSON.createObjectNode();
        tagged.set(TaskFile.LEGACY_TAG, tree);
        return tagged;
    }

    private static void assertKeyOrder(JsonNode original, JsonNode written, List<String> order, String where) {
        for (int i = 0; i < original.size(); i++) {
            JsonNode record = original.get(i);
            List<String> expected = new ArrayList<>();
            order.stream().filter(record::has).forEach(expected::add);
            names(record).stream().filter(name -> !order.contains(name)).forEach(expected::add);
            String path = where + "/" + record.get("id").asText();
            assertThat(names(written.get(i))).as("keys of %s", path).isEqualTo(expected);
            if (record.path("subtasks").isArray()) {
                assertKeyOrder(record.get("subtasks"), written.get(i).get("subtasks"), SUBTASK_ORDER, path);
            }
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
