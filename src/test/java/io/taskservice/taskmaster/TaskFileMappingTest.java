package io.taskservice.taskmaster;

import static io.taskservice.taskmaster.TaskMasterFixtures.bytes;
import static io.taskservice.taskmaster.TaskMasterFixtures.differences;
import static io.taskservice.taskmaster.TaskMasterFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.taskservice.taskmaster.TaskFileRows.DependencyRow;
import io.taskservice.taskmaster.TaskFileRows.TaskRow;
import io.taskservice.support.TaskMasterFiles;
import io.taskservice.support.TaskMasterFiles.Fixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The mapping between a task file and the schema's rows, without a database. */
class TaskFileMappingTest {

    private final TaskFileReader reader = new TaskFileReader();
    private final TaskFileWriter writer = new TaskFileWriter();

    /** The project's fixtures, then the real files (or one skipped case when they are not configured). */
    static List<Fixture> fixtures() {
        return TaskMasterFiles.all();
    }

    private TaskFile read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private String roundTrip(String json) {
        return writer.writeString(TaskFileMapping.toFile(TaskFileMapping.toRows(read(json))));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void rowsGiveBackEveryFieldOfEveryFixture(Fixture fixture) {
        TaskFile file = reader.read(bytes(fixture));
        byte[] exported = writer.write(TaskFileMapping.toFile(TaskFileMapping.toRows(file)));
        assertThat(differences(tree(writer.write(file)), tree(exported))).isEmpty();
        assertThat(new String(exported, StandardCharsets.UTF_8)).isEqualTo(writer.writeString(file));
    }

    @Test
    void defaultShapedRecordHasEmptyWrittenShape() {
        TaskFileRows rows = TaskFileMapping.toRows(read("""
                {"master": {"tasks": [{"id": 1, "title": "A", "status": "done", "dependencies": [], "subtasks": []},
                                      {"id": "slug", "title": "B", "status": "pending", "dependencies": [], "subtasks": []}]}}
                """));
        assertThat(rows.tasks()).extracting(TaskRow::writtenShape).containsOnly(JsonNodeFactory.instance.objectNode());
    }

    @Test
    void writtenShapeKeepsIdTypeNullsAndAbsentFields() {
        TaskFileRows rows = TaskFileMapping.toRows(read("""
                {"master": {"tasks": [{"id": "5", "title": "A", "details": null, "dependencies": null}]}}
                """));
        TaskRow task = rows.tasks().getFirst();
        assertThat(task.key()).isEqualTo("5");
        assertThat(task.status()).isEqualTo("pending");
        assertThat(task.writtenShape().toString())
                .isEqualTo("{\"id\":\"5\",\"null\":[\"details\",\"dependencies\"],\"absent\":[\"status\",\"subtasks\"]}");
        assertThat(roundTrip("{\"master\": {\"tasks\": [{\"id\": \"5\", \"title\": \"A\", \"details\": null, \"dependencies\": null}]}}"))
                .isEqualTo("""
                        {
                          "master": {
                            "tasks": [
                              {
                                "id": "5",
                                "title": "A",
                                "dependencies": null,
                                "details": null
                              }
                            ]
                          }
                        }""");
    }

    @Test
    void repeatedSubtaskIdsGetFreshKeysAndKeepTheirWrittenId() {
        TaskFileRows rows = TaskFileMapping.toRows(read("""
                {"master": {"tasks": [{"id": 42, "title": "P", "subtasks": [
                    {"id": 42, "title": "a"}, {"id": 42, "title": "b"}, {"id": 44, "title": "c"}, {"id": 42, "title": "d"},
                    {"id": "x", "title": "e"}, {"id": "x", "title": "f"}]}]}}
                """));
        assertThat(rows.tasks()).extracting(TaskRow::key).containsExactly("42", "42", "45", "44", "46", "x", "x-2");
        assertThat(rows.tasks().get(2).writtenShape().get("id").isNumber()).isTrue();
        assertThat(rows.tasks().get(6).writtenShape().get("id").asText()).isEqualTo("x");
        assertThat(rows.tasks()).extracting(TaskRow::position).containsExactly(0, 0, 1, 2, 3, 4, 5);
    }

    @Test
    void dependenciesResolveAsTaskMasterReadsThemAndTheRestStayUnresolved() {
        TaskFileRows rows = TaskFileMapping.toRows(read("""
                {"master": {"tasks": [
                  {"id": 1, "title": "A", "dependencies": [2, "2.1", 9, 1], "subtasks": []},
                  {"id": 2, "title": "B", "dependencies": [], "subtasks": [
                    {"id": 1, "title": "B1", "dependencies": []},
                    {"id": 2, "title": "B2", "dependencies": [1, "2.1", "2"]}]}]}}
                """));
        // local ids: 0 = 1, 1 = 2, 2 = 2.1, 3 = 2.2
        assertThat(rows.dependencies()).containsExactly(
                new DependencyRow(0, 0, 1L, "2", true),
                new DependencyRow(0, 1, 2L, "2.1", false),
                new DependencyRow(0, 2, null, "9", true),
                new DependencyRow(0, 3, null, "1", true),            // itself
                new DependencyRow(3, 0, 2L, "1", true),              // sibling 2.1
                new DependencyRow(3, 1, null, "2.1", false),         // 2.1 again
                new DependencyRow(3, 2, null, "2", false));          // "2" on a subtask is its sibling 2.2: itself
    }

    @Test
    void exportWritesWhatTheTaskGainedSinceImport() {
        TaskFileRows imported = TaskFileMapping.toRows(read("{\"t\": {\"tasks\": [{\"id\": 1, \"title\": \"A\"}]}}"));
        TaskRow task = imported.tasks().getFirst();
        TaskRow changed = new TaskRow(task.id(), task.tagId(), null, task.key(), task.title(), null, null, null,
                "done", null, 0, task.extra(), task.writtenShape());
        String exported = writer.writeString(TaskFileMapping.toFile(new TaskFileRows(imported.tags(), List.of(changed),
                List.of(new DependencyRow(task.id(), 0, null, "7", false)))));
        assertThat(tree(exported.getBytes(StandardCharsets.UTF_8)).toString())
                .isEqualTo("{\"t\":{\"tasks\":[{\"id\":1,\"title\":\"A\",\"status\":\"done\",\"dependencies\":[\"7\"]}]}}");
    }

    @Test
    void nulCharactersAreReportedAsUnstorable() {
        TaskFile file = read("{\"t\": {\"tasks\": [{\"id\": 1, \"title\": \"A\\u0000\", \"note\": {\"k\": \"\\u0000\"}}]}}");
        assertThat(TaskFileMapping.unstorable(file)).extracting(TaskFileProblem::field).containsExactly("title", "note");
    }
}
