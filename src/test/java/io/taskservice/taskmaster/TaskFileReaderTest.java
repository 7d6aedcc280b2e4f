package io.taskservice.taskmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskFileReaderTest {

    private final TaskFileReader reader = new TaskFileReader();

    private TaskFile read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private List<TaskFileProblem> problems(String json) {
        InvalidTaskFileException e = catchThrowableOfType(InvalidTaskFileException.class, () -> read(json));
        assertThat(e).as("expected the file to be refused").isNotNull();
        return e.problems();
    }

    private ListAssert<org.assertj.core.groups.Tuple> assertProblems(String json) {
        return assertThat(problems(json).stream()
                .map(problem -> tuple(problem.tag(), problem.taskId(), problem.field())).toList());
    }

    /** A tagged file with one tag {@code T} holding the given tasks. */
    private static String tagged(String tasks) {
        return "{\"T\": {\"tasks\": [" + tasks + "], \"metadata\": {}}}";
    }

    private static String task(String id, String more) {
        return "{\"id\": " + id + ", \"title\": \"Task " + id.replace("\"", "") + "\", \"status\": \"pending\""
                + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    // --- accepted shapes -------------------------------------------------------------------------------------

    @Test
    void readsTaggedFileWithTagsInOrder() {
        TaskFile file = read("{\"b\": {\"tasks\": []}, \"a\": {\"tasks\": [], \"metadata\": {\"x\": 1}}}");
        assertThat(file.legacy()).isFalse();
        assertThat(file.tags()).extracting(TaskList::name).containsExactly("b", "a");
        assertThat(file.tag("b").orElseThrow().metadata()).isNull();
        assertThat(file.tag("a").orElseThrow().metadata().get("x").intValue()).isEqualTo(1);
    }

    @Test
    void readsLegacyFileAsMaster() {
        TaskFile file = read("{\"tasks\": [" + task("1", "") + "], \"metadata\": {\"projectName\": \"p\"}}");
        assertThat(file.legacy()).isTrue();
        TaskList master = file.tags().getFirst();
        assertThat(master.name()).isEqualTo("master");
        assertThat(master.metadata().get("projectName").asText()).isEqualTo("p");
        assertThat(master.tasks()).extracting(TaskRecord::id).containsExactly(WrittenId.number(1));
    }

    @Test
    void keepsIdAndDependencyTypesAsWritten() {
        TaskRecord task = read(tagged(task("\"7\"", "\"dependencies\": [1, \"2\", \"3.1\", \"setup-db\"]")))
                .tags().getFirst().tasks().getFirst();
        assertThat(task.id()).isEqualTo(WrittenId.string("7"));
        assertThat(task.dependencies()).containsExactly(
                WrittenId.number(1), WrittenId.string("2"), WrittenId.string("3.1"), WrittenId.string("setup-db"));
    }

    @Test
    void distinguishesNullFromAbsent() {
        TaskRecord task = read(tagged(task("1", "\"details\": null, \"priority\": null"))).tags().getFirst()
                .tasks().getFirst();
        assertThat(task.details()).isNull();
        assertThat(task.isNull(TaskRecord.DETAILS)).isTrue();
        assertThat(task.has(TaskRecord.DETAILS)).isTrue();
        assertThat(task.isNull(TaskRecord.PRIORITY)).isTrue();
        assertThat(task.has(TaskRecord.TEST_STRATEGY)).isFalse();
        assertThat(task.dependencies()).isNull();
        assertThat(task.subtasks()).isNull();
    }

    @Test
    void keepsUnknownFieldsInOrderWithExactValues() {
        TaskRecord task = read(tagged(task("1",
                "\"zeta\": {\"b\": [1, 2.50, null]}, \"complexity\": 7, \"alpha\": null, \"big\": 1e400")))
                .tags().getFirst().tasks().getFirst();
        assertThat(task.extra().properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("zeta", "complexity", "alpha", "big");
        assertThat(task.extra().get("zeta").get("b").get(1).asText()).isEqualTo("2.50");
        assertThat(task.extra().get("alpha").isNull()).isTrue();
        assertThat(task.extra().get("big").asText()).isEqualTo("1e400");
    }

    @Test
    void statusMayBeAbsentAndMeansPending() {
        TaskRecord task = read(tagged("{\"id\": 1, \"title\": \"t\"}")).tags().getFirst().tasks().getFirst();
        assertThat(task.status()).isNull();
        assertThat(task.effectiveStatus()).isEqualTo("pending");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pending", "in-progress", "review", "done", "deferred", "cancelled", "blocked"})
    void acceptsEveryTaskMasterStatus(String status) {
        assertThat(read(tagged("{\"id\": 1, \"title\": \"t\", \"status\": \"" + status + "\"}"))
                .tags().getFirst().tasks().getFirst().status()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"low", "medium", "high", "critical"})
    void acceptsEveryTaskMasterPriority(String priority) {
        assertThat(read(tagged(task("1", "\"priority\": \"" + priority + "\""))).tags().getFirst().tasks()
                .getFirst().priority()).isEqualTo(priority);
    }

    @Test
    void readsSubtasksWithFullIds() {
        TaskFile file = read(tagged(task("3", "\"subtasks\": [" + task("1", "\"dependencies\": [2, \"3.2\"]")
                + ", " + task("2", "") + "]")));
        TaskRecord parent = file.tags().getFirst().tasks().getFirst();
        assertThat(parent.subtasks()).extracting(TaskRecord::id).containsExactly(WrittenId.number(1), WrittenId.number(2));
        assertThat(parent.subtasks().getFirst().dependencies()).containsExactly(WrittenId.number(2), WrittenId.string("3.2"));
        assertThat(file.warnings()).isEmpty();
    }

    @Test
    void acceptsDuplicateSubtaskIdsWithAWarning() {
        TaskFile file = read(tagged(task("42", "\"subtasks\": [" + task("42", "") + ", " + task("42", "") + "]")));
        assertThat(file.tags().getFirst().tasks().getFirst().subtasks()).hasSize(2);
        assertThat(file.warnings()).extracting(TaskFileProblem::tag, TaskFileProblem::taskId, TaskFileProblem::field)
                .containsExactly(tuple("T", "42.42", "subtasks[1].id"));
    }

    @Test
    void acceptsDeeperSubtasksWithAWarning() {
        TaskFile file = read(tagged(task("\"a\"", "\"subtasks\": [" + task("\"b\"", "\"subtasks\": ["
                + task("\"c\"", "\"subtasks\": []") + "]") + "]")));
        TaskRecord deepest = file.tags().getFirst().tasks().getFirst().subtasks().getFirst().subtasks().getFirst();
        assertThat(deepest.id()).isEqualTo(WrittenId.string("c"));
        assertThat(deepest.subtasks()).isEmpty();
        assertThat(file.warnings()).extracting(TaskFileProblem::taskId, TaskFileProblem::field)
                .containsExactly(tuple("a.b", "subtasks"));
    }

    @Test
    void readsFromAStream() throws IOException {
        TaskFile file = reader.read(new ByteArrayInputStream(tagged(task("1", "")).getBytes(StandardCharsets.UTF_8)));
        assertThat(file.tags().getFirst().tasks()).hasSize(1);
    }

    @Test
    void acceptsAnEmptyTaggedFile() {
        assertThat(read("{}").tags()).isEmpty();
    }

    @Test
    void keepsUnknownTagLevelKeys() {
        TaskList tag = read("{\"T\": {\"created\": \"2025\", \"tasks\": [], \"other\": [1]}}").tags().getFirst();
        assertThat(tag.extra().properties()).extracting(java.util.Map.Entry::getKey).containsExactly("created", "other");
    }

    // --- refused records: every problem names tag, task id and field -------------------------------------------

    @Test
    void refusesMissingTitle() {
        assertProblems(tagged("{\"id\": 4, \"status\": \"done\"}")).containsExactly(tuple("T", "4", "title"));
    }

    @Test
    void refusesEmptyAndOverlongTitle() {
        assertProblems(tagged(
                "{\"id\": 1, \"title\": \"\"}, {\"id\": 2, \"title\": \"" + "x".repeat(1001) + "\"}"))
                .containsExactly(tuple("T", "1", "title"), tuple("T", "2", "title"));
    }

    @Test
    void countsTitleLengthInCharactersNotUtf16Units() {
        String thousandEmoji = "\uD83D\uDE00".repeat(1000);
        assertThat(read(tagged("{\"id\": 1, \"title\": \"" + thousandEmoji + "\"}")).tags().getFirst().tasks())
                .hasSize(1);
    }

    @Test
    void refusesUnknownStatusAndNamesIt() {
        List<TaskFileProblem> problems = problems(tagged("{\"id\": 1, \"title\": \"t\", \"status\": \"completed\"}"));
        assertThat(problems).extracting(TaskFileProblem::tag, TaskFileProblem::taskId, TaskFileProblem::field)
                .containsExactly(tuple("T", "1", "status"));
        assertThat(problems.getFirst().message()).contains("pending", "\"completed\"");
    }

    @Test
    void refusesUnknownPriority() {
        assertProblems(tagged(task("1", "\"priority\": \"urgent\""))).containsExactly(tuple("T", "1", "priority"));
    }

    @Test
    void refusesDuplicateTaskIdsAlsoAcrossJsonTypes() {
        assertProblems(tagged(task("1", "") + ", " + task("\"1\"", "") + ", " + task("\"01\"", "")))
                .containsExactly(tuple("T", "1", "id"), tuple("T", "01", "id"));
    }

    @Test
    void refusesMissingAndInvalidIdsByPosition() {
        assertProblems(tagged("{\"title\": \"no id\"}, {\"id\": \"a b\", \"title\": \"t\"}, {\"id\": 0, \"title\": 5}"))
                .containsExactly(
                        tuple("T", null, "tasks[0].id"),
                        tuple("T", null, "tasks[1].id"),
                        tuple("T", null, "tasks[2].id"),
                        tuple("T", null, "tasks[2].title"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "1e2", "true", "null", "{}", "[]", "\"3.1\"", "\"\"", "\"-x\"", "\"0\"",
            "\"a/b\""})
    void refusesIdsThatAreNotPositiveIntegersOrSlugs(String id) {
        assertProblems(tagged("{\"id\": " + id + ", \"title\": \"t\"}")).containsExactly(tuple("T", null, "tasks[0].id"));
    }

    @Test
    void refusesOverlongId() {
        assertProblems(tagged(task("\"" + "a".repeat(101) + "\"", ""))).containsExactly(tuple("T", null, "tasks[0].id"));
        assertThat(read(tagged(task("\"" + "a".repeat(100) + "\"", ""))).tags().getFirst().tasks()).hasSize(1);
    }

    @Test
    void refusesBadDependencyValuesByIndex() {
        assertProblems(tagged(task("5",
                "\"dependencies\": [1, 1.5, null, \"a.b.c\", {\"id\": 1}, -2, \"3.\", \"x y\", \"2\", 2]")))
                .containsExactly(
                        tuple("T", "5", "dependencies[1]"),
                        tuple("T", "5", "dependencies[2]"),
                        tuple("T", "5", "dependencies[3]"),
                        tuple("T", "5", "dependencies[4]"),
                        tuple("T", "5", "dependencies[5]"),
                        tuple("T", "5", "dependencies[6]"),
                        tuple("T", "5", "dependencies[7]"),
                        tuple("T", "5", "dependencies[9]"));
    }

    @Test
    void refusesDependenciesThatAreNotAnArray() {
        assertProblems(tagged(task("5", "\"dependencies\": \"1,2\""))).containsExactly(tuple("T", "5", "dependencies"));
    }

    @Test
    void refusesWrongTypesOfKnownFields() {
        assertProblems(tagged("{\"id\": 1, \"title\": [\"t\"], \"description\": 3, \"details\": {}, "
                + "\"testStrategy\": false, \"status\": 1, \"priority\": [], \"subtasks\": {}}"))
                .containsExactly(
                        tuple("T", "1", "title"),
                        tuple("T", "1", "description"),
                        tuple("T", "1", "details"),
                        tuple("T", "1", "testStrategy"),
                        tuple("T", "1", "status"),
                        tuple("T", "1", "priority"),
                        tuple("T", "1", "subtasks"));
    }

    @Test
    void namesSubtaskProblemsWithTheFullId() {
        assertProblems(tagged(task("3", "\"subtasks\": [{\"id\": 1, \"title\": \"s\", \"status\": \"nope\"}, "
                + "{\"id\": 2}, {\"title\": \"no id\"}, 7, {\"id\": 2, \"title\": \"again\"}]")))
                .containsExactly(
                        tuple("T", "3.1", "status"),
                        tuple("T", "3.2", "title"),
                        tuple("T", "3", "subtasks[2].id"),
                        tuple("T", "3", "subtasks[3]"));
    }

    @Test
    void refusesTasksThatAreNotObjects() {
        assertProblems(tagged("1, \"two\", null")).containsExactly(
                tuple("T", null, "tasks[0]"), tuple("T", null, "tasks[1]"), tuple("T", null, "tasks[2]"));
    }

    @Test
    void refusesBadTagNamesAndShapes() {
        assertProblems("{\"bad name\": {\"tasks\": []}, \".hidden\": {\"tasks\": []}, \"" + "t".repeat(101)
                + "\": {\"tasks\": []}, \"ok\": [], \"no-tasks\": {}, \"tasks-not-array\": {\"tasks\": {}},"
                + " \"bad-meta\": {\"tasks\": [], \"metadata\": []}}")
                .containsExactly(
                        tuple(null, null, null),
                        tuple(null, null, null),
                        tuple(null, null, null),
                        tuple("ok", null, null),
                        tuple("no-tasks", null, "tasks"),
                        tuple("tasks-not-array", null, "tasks"),
                        tuple("bad-meta", null, "metadata"));
    }

    @Test
    void acceptsTagNamesWithDotsAndUnderscores() {
        assertThat(read("{\"feature_1.2-x\": {\"tasks\": []}}").tags()).extracting(TaskList::name)
                .containsExactly("feature_1.2-x");
    }

    @Test
    void collectsEveryProblemAcrossTags() {
        String json = "{\"a\": {\"tasks\": [{\"id\": 1}]}, \"b\": {\"tasks\": [{\"id\": 1, \"title\": \"t\","
                + " \"status\": \"x\"}, {\"id\": 1, \"title\": \"t\"}]}}";
        assertProblems(json).containsExactly(tuple("a", "1", "title"), tuple("b", "1", "status"), tuple("b", "1", "id"));
    }

    @Test
    void stopsListingAfterTheLimit() {
        StringBuilder tasks = new StringBuilder();
        for (int i = 1; i <= 1200; i++) {
            tasks.append(i == 1 ? "" : ", ").append("{\"id\": ").append(i).append("}");
        }
        List<TaskFileProblem> problems = problems(tagged(tasks.toString()));
        assertThat(problems).hasSize(TaskFileReader.MAX_PROBLEMS + 1);
        assertThat(problems.getLast().message()).contains("reporting stops");
    }

    @Test
    void exceptionMessageSummarises() {
        InvalidTaskFileException e = catchThrowableOfType(InvalidTaskFileException.class,
                () -> read(tagged("{\"id\": 4}, {\"id\": 5}")));
        assertThat(e.getMessage()).isEqualTo("invalid tasks.json, 2 problems; first: tag 'T', task 4, title: is required");
    }

    // --- refused files --------------------------------------------------------------------------------------

    @Test
    void reportsMalformedJsonWithLineAndColumnButNotTheContent() {
        List<TaskFileProblem> problems = problems("{\n  \"T\": {\"tasks\": [\n    {\"id\": 1, \"title\": secret-token}\n]}}");
        assertThat(problems).hasSize(1);
        TaskFileProblem problem = problems.getFirst();
        assertThat(problem.tag()).isNull();
        assertThat(problem.message()).startsWith("malformed JSON at line 3, column ").doesNotContain("secret");
    }

    @Test
    void reportsTruncatedJson() {
        assertThat(problems("{\"T\": {\"tasks\": [").getFirst().message())
                .startsWith("malformed JSON at line 1").endsWith("unexpected end of input");
    }

    @Test
    void reportsDuplicateKeysWithoutNamingThem() {
        assertThat(problems("{\"T\": {\"tasks\": [{\"id\": 1, \"title\": \"a\", \"title\": \"private\"}]}}")
                .getFirst().message()).contains("line 1", "duplicate key").doesNotContain("private", "title");
    }

    @Test
    void reportsContentAfterTheValue() {
        assertThat(problems("{} {}").getFirst().message()).contains("after the JSON value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[]", "\"tasks\"", "42", "null"})
    void refusesFilesThatAreNotAnObject(String json) {
        assertThat(problems(json)).hasSize(1).first().extracting(TaskFileProblem::tag).isNull();
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] json = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        InvalidTaskFileException e = catchThrowableOfType(InvalidTaskFileException.class, () -> reader.read(json));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().getFirst().message()).startsWith("malformed JSON");
    }
}
