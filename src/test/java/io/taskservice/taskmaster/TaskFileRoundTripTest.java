package io.taskservice.taskmaster;

import static io.taskservice.taskmaster.TaskMasterFixtures.bytes;
import static io.taskservice.taskmaster.TaskMasterFixtures.differences;
import static io.taskservice.taskmaster.TaskMasterFixtures.numberTexts;
import static io.taskservice.taskmaster.TaskMasterFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskservice.support.TaskMasterFiles;
import io.taskservice.support.TaskMasterFiles.Fixture;
import java.nio.charset.StandardCharsets;
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

    /** The project's fixtures, then the real files (or one skipped case when they are not configured). */
    static List<Fixture> fixtures() {
        return TaskMasterFiles.all();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void writtenFileEqualsTheOriginalFieldByField(Fixture fixture) {
        byte[] original = bytes(fixture);
        TaskFile file = reader.read(original);
        byte[] written = writer.write(file);

        assertThat(differences(expectedTree(original, file.legacy()), tree(written))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyNumberKeepsItsText(Fixture fixture) {
        byte[] original = bytes(fixture);
        assertThat(numberTexts(writer.write(reader.read(original)))).isEqualTo(numberTexts(original));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void knownKeysComeInTaskMasterOrderThenExtrasInOriginalOrder(Fixture fixture) {
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
    void writingWhatWasWrittenGivesTheSameBytes(Fixture fixture) {
        byte[] once = writer.write(reader.read(bytes(fixture)));
        byte[] twice = writer.write(reader.read(once));
        assertThat(new String(twice, StandardCharsets.UTF_8)).isEqualTo(new String(once, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void writtenFileIsTaskMasterStyle(Fixture fixture) {
        String written = writer.writeString(reader.read(bytes(fixture)));
        // Strings never span lines, so a pattern anchored at a line's start or end sees only structure.
        assertThat(written).startsWith("{\n  \"").endsWith("\n}").doesNotContain("\r", "\t")
                .doesNotContainPattern("(?m)^ *\"[^\"\n]*\" : ")
                .doesNotContainPattern("(?m)(: |^ *)(\\[ \\]|\\{ \\}),?$")
                .containsPattern("(?m)^(  )+\"dependencies\": \\[\\],?$");
        assertThat(written.lines()).allMatch(line -> line.matches("( {2})*[^ ].*"), "indented by two spaces");
    }

    /** The real files are what their SOURCES.md says; skipped when they are not configured. */
    @Test
    void realFilesHoldWhatTheirSourcesDescribe() {
        TaskFile claude = reader.read(bytes(TaskMasterFiles.real("claude-task-master")));
        assertThat(claude.legacy()).isFalse();
        assertThat(claude.tags()).hasSize(9);
        assertThat(claude.tags().stream().mapToInt(tag -> tag.tasks().size()).sum()).isEqualTo(182);
        assertThat(claude.tags().stream().mapToInt(TaskList::recordCount).sum()).isEqualTo(182 + 914);

        TaskFile legacy = reader.read(bytes(TaskMasterFiles.real("financial-agent-demo")));
        assertThat(legacy.legacy()).isTrue();
        assertThat(legacy.tags()).extracting(TaskList::name).containsExactly("master");

        TaskFile sync = reader.read(bytes(TaskMasterFiles.real("taskmaster-sync")));
        TaskRecord core = sync.tag("master").orElseThrow().tasks().getFirst();
        assertThat(core.id()).isEqualTo(WrittenId.string("rust-conversion-core"));
        TaskRecord cli = core.subtasks().getFirst();
        assertThat(cli.details()).isNull();
        assertThat(cli.isNull(TaskRecord.DETAILS)).isTrue();
        assertThat(cli.extra().get("assignee").asText()).isEqualTo("swe-1-5dlabs");
    }

    /**
     * The project's fixtures hold the quirks their README promises, so the parameterized tests above really meet
     * them: a fixture edited into something tamer fails here.
     */
    @Test
    void projectFixturesHoldTheQuirksTheirReadmeLists() {
        TaskFile shop = reader.read(bytes(TaskMasterFiles.project("web-shop")));
        assertThat(shop.legacy()).isFalse();
        assertThat(shop.tags()).extracting(TaskList::name).containsExactly("master", "storefront-v2", "release-2024", "spike-ideas");
        List<TaskRecord> master = shop.tag("master").orElseThrow().tasks();
        assertThat(master).extracting(task -> task.id().text()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12", "11");
        assertThat(master).extracting(TaskRecord::status).contains("pending", "in-progress", "review", "done", "deferred", "cancelled", "blocked");
        TaskRecord checkout = master.get(2);
        assertThat(checkout.dependencies()).containsExactly(WrittenId.number("2"), WrittenId.string("2.2"));  // a task on a subtask
        assertThat(checkout.subtasks().get(2).dependencies()).containsExactly(WrittenId.string("2.2"));    // on another task's subtask
        assertThat(checkout.subtasks().get(3).dependencies()).containsExactly(WrittenId.number("2"));      // top-level 2 or sibling 3.2
        assertThat(checkout.subtasks().get(3).isNull(TaskRecord.TEST_STRATEGY)).isTrue();
        assertThat(checkout.subtasks().get(3).has(TaskRecord.DETAILS)).isFalse();
        assertThat(checkout.subtasks().get(3).extra().get("parentTask").isObject()).isTrue();
        assertThat(checkout.extra().get("estimateHours").toString()).isEqualTo("12.50");
        assertThat(checkout.extra().get("review").get("score").toString()).isEqualTo("4.0");
        assertThat(master.get(3).dependencies()).containsExactly(WrittenId.string("3"));                     // a number as a string
        assertThat(master.get(3).extra().get("storyPoints").isTextual()).isTrue();
        assertThat(master.get(4).dependencies()).contains(WrittenId.number("16"));                          // no task 16
        assertThat(master.get(4).has(TaskRecord.SUBTASKS)).isFalse();
        assertThat(master.get(9).subtasks()).extracting(TaskRecord::dependencies)                         // 10.1 and 10.2 wait for each other
                .containsExactly(List.of(WrittenId.number("2")), List.of(WrittenId.string("10.1")));
        assertThat(master.get(11).subtasks()).extracting(task -> task.id().text()).containsExactly("11", "11", "11", "11");
        assertThat(shop.warnings()).extracting(TaskFileProblem::field)
                .containsExactly("subtasks[1].id", "subtasks[2].id", "subtasks[3].id");
        TaskList storefront = shop.tag("storefront-v2").orElseThrow();
        assertThat(storefront.tasks()).allMatch(task -> task.id().type() == WrittenId.Type.STRING && task.id().isNumeric());
        assertThat(storefront.tasks().get(1).subtasks()).allMatch(subtask -> subtask.extra().get("parentId").asText().equals("undefined"));
        assertThat(storefront.metadata().get("tags").isArray()).isTrue();
        TaskList release = shop.tag("release-2024").orElseThrow();
        assertThat(release.extra().get("owner").get("budgetShare").toString()).isEqualTo("0.40");
        assertThat(shop.tag("spike-ideas").orElseThrow().tasks()).isEmpty();

        TaskFile recipes = reader.read(bytes(TaskMasterFiles.project("recipe-box-legacy")));
        assertThat(recipes.legacy()).isTrue();
        assertThat(recipes.tags().getFirst().metadata().get("projectName").asText()).isEqualTo("Recipe Box");
        TaskFile plants = reader.read(bytes(TaskMasterFiles.project("plant-watering-legacy")));
        assertThat(plants.legacy()).isTrue();
        assertThat(plants.tags().getFirst().metadata()).isNull();
        assertThat(plants.tags().getFirst().extra()).isEmpty();

        byte[] farmBytes = bytes(TaskMasterFiles.project("build-farm"));
        assertThat(new String(farmBytes, StandardCharsets.UTF_8)).endsWith("}\n");
        TaskFile farm = reader.read(farmBytes);
        List<TaskRecord> farmTasks = farm.tag("master").orElseThrow().tasks();
        assertThat(farmTasks).allMatch(task -> task.id().type() == WrittenId.Type.STRING && !task.id().isNumeric());
        TaskRecord nested = farmTasks.get(2).subtasks().getFirst();
        assertThat(nested.subtasks()).extracting(task -> task.id().text()).containsExactly("scale-up-rule", "scale-down-rule");
        assertThat(nested.subtasks()).allMatch(task -> task.subtasks().isEmpty() && task.isNull(TaskRecord.DETAILS));
        assertThat(farm.warnings()).isNotEmpty();
        assertThat(farmTasks.get(2).dependencies()).contains(WrittenId.string("legacy-jenkins"));         // no such task
        assertThat(farmTasks.get(1).subtasks().get(2).dependencies()).contains(WrittenId.string("runner-images.base-image"));

        String docs = new String(bytes(TaskMasterFiles.project("multilingual-docs")), StandardCharsets.UTF_8);
        assertThat(docs).contains("Перевести", "翻译", "\uD83D\uDE80", "\\u001b[32m", "\\t", "\\\"as is\\\"");
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
