package io.taskservice.taskmaster;

import static io.restassured.RestAssured.given;
import static io.taskservice.taskmaster.TaskMasterFixtures.bytes;
import static io.taskservice.taskmaster.TaskMasterFixtures.differences;
import static io.taskservice.taskmaster.TaskMasterFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.taskservice.support.TaskMasterFiles;
import io.taskservice.support.TaskMasterFiles.Fixture;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Import and export over HTTP against PostgreSQL. Round trip: every fixture, imported into a fresh project and
 * exported, equals the original field by field (Jackson trees: object key order is not compared, array order and
 * every value, with its JSON type, are). The one normalisation: a legacy file comes back tagged, under
 * {@code master}.
 */
@QuarkusTest
class TaskFileResourceTest {

    private static final String VALID = """
            {"master": {"tasks": [{"id": 1, "title": "A", "status": "pending", "dependencies": [], "subtasks": []}]},
             "feature": {"tasks": [{"id": 1, "title": "F", "dependencies": [], "subtasks": []}]}}
            """;

    @Inject
    Pool pool;

    /** The project's fixtures, then the real files (or one skipped case when they are not configured). */
    static List<Fixture> fixtures() {
        return TaskMasterFiles.all();
    }

    private static String newProject() {
        return "imp-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse importFile(String project, byte[] body, String query) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/projects/" + project + "/import" + query).then();
    }

    private static ValidatableResponse importFile(String project, String body) {
        return importFile(project, body.getBytes(StandardCharsets.UTF_8), "");
    }

    private static byte[] export(String project) {
        return given().get("/api/projects/" + project + "/export").then().statusCode(200)
                .contentType(ContentType.JSON).extract().asByteArray();
    }

    private static JsonNode expectedTree(byte[] original) {
        JsonNode tree = tree(original);
        if (!tree.path("tasks").isArray()) {
            return tree;
        }
        ObjectNode tagged = TaskMasterFixtures.JSON.createObjectNode();
        tagged.set(TaskFile.LEGACY_TAG, tree); // legacy: its tasks, metadata and other keys become tag master's
        return tagged;
    }

    private long count(String table) {
        return pool.query("select count(*) from " + table).execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private Map<String, Long> rowCounts() {
        return Map.of("project", count("project"), "tag", count("tag"), "task", count("task"),
                "task_dependency", count("task_dependency"), "task_dependency_unresolved", count("task_dependency_unresolved"));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void exportOfImportEqualsTheOriginalFieldByField(Fixture fixture) {
        byte[] original = bytes(fixture);
        String project = newProject();
        importFile(project, original, "").statusCode(201).body("project", equalTo(project));

        byte[] exported = export(project);

        assertThat(differences(expectedTree(original), tree(exported))).isEmpty();
        JsonNode tags = tree(exported);
        tags.properties().forEach(tag -> assertKnownKeysFirstInTaskMasterOrder(tag.getValue().get("tasks"), true));
    }

    /**
     * Known fields in Task Master's order, then the extra keys. The extra keys' own order is PostgreSQL's: a
     * {@code jsonb} column keeps no key order (shorter keys first, then by bytes), in {@code extra} as in
     * {@code metadata}.
     */
    private static void assertKnownKeysFirstInTaskMasterOrder(JsonNode records, boolean topLevel) {
        List<String> order = topLevel ? TaskFileRoundTripTest.TASK_ORDER : TaskFileRoundTripTest.SUBTASK_ORDER;
        for (JsonNode record : records) {
            List<String> names = record.properties().stream().map(Map.Entry::getKey).toList();
            List<String> known = names.stream().filter(order::contains).toList();
            assertThat(names.subList(0, known.size())).as("keys of %s", record.get("id")).isEqualTo(known);
            assertThat(known).isSortedAccordingTo(Comparator.comparingInt(order::indexOf));
            if (record.path("subtasks").isArray()) {
                assertKnownKeysFirstInTaskMasterOrder(record.get("subtasks"), false);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void reimportingAnExportGivesTheSameExport(Fixture fixture) {
        String first = newProject();
        importFile(first, bytes(fixture), "").statusCode(201);
        byte[] once = export(first);
        String second = newProject();
        importFile(second, once, "").statusCode(201);
        assertThat(new String(export(second), StandardCharsets.UTF_8)).isEqualTo(new String(once, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void summaryCountsEveryTagsRecordsAndDependencies(Fixture fixture) {
        TaskFile file = new TaskFileReader().read(bytes(fixture));
        JsonPath summary = importFile(newProject(), bytes(fixture), "").statusCode(201).extract().jsonPath();

        assertThat(summary.getList("tags.name")).isEqualTo(file.tags().stream().map(TaskList::name).toList());
        for (int i = 0; i < file.tags().size(); i++) {
            TaskList tag = file.tags().get(i);
            String at = "tags[" + i + "].";
            assertThat(summary.getInt(at + "tasks")).isEqualTo(tag.tasks().size());
            assertThat(summary.getInt(at + "subtasks")).isEqualTo(tag.recordCount() - tag.tasks().size());
            assertThat(summary.getInt(at + "dependencies") + summary.getInt(at + "unresolvedDependencies"))
                    .isEqualTo(dependencyCount(tag.tasks()));
        }
        assertThat(summary.getList("warnings")).hasSize(file.warnings().size());
    }

    private static int dependencyCount(List<TaskRecord> records) {
        int total = 0;
        for (TaskRecord record : records) {
            total += (record.dependencies() == null ? 0 : record.dependencies().size())
                    + (record.subtasks() == null ? 0 : dependencyCount(record.subtasks()));
        }
        return total;
    }

    @Test
    void summaryNamesRepeatedSubtaskIdsAndUnresolvedDependencies() {
        String project = newProject();
        JsonPath summary = importFile(project, bytes(TaskMasterFiles.project("web-shop")), "")
                .statusCode(201).extract().jsonPath();
        // Task 11's four subtasks all have id 11: the repeats got fresh keys 12..14 and are addressable.
        given().get("/api/projects/" + project + "/tags/master/tasks/11.14").then().statusCode(200)
                .body("parent", equalTo("11")).body("title", equalTo("Report code usage"));
        given().get("/api/projects/" + project + "/tags/master/tasks/11.15").then().statusCode(404);
        assertThat(summary.getList("warnings.field", String.class))
                .containsExactly("master/11.11/subtasks[1].id", "master/11.11/subtasks[2].id", "master/11.11/subtasks[3].id");
        // master: task 5 depends on the missing task 16; every other dependency names a task or subtask of its tag.
        assertThat(summary.getInt("tags.find { it.name == 'master' }.unresolvedDependencies")).isEqualTo(1);
        assertThat(summary.getList("tags.tasks", Integer.class)).containsExactly(12, 3, 2, 0);
        assertThat(summary.getList("tags.subtasks", Integer.class)).containsExactly(14, 4, 0, 0);
    }

    /** The real file's counts and repeats; skipped when the real files are not configured. */
    @Test
    void summaryOfTheLargestRealFile() {
        String project = newProject();
        JsonPath summary = importFile(project, bytes(TaskMasterFiles.real("claude-task-master")), "")
                .statusCode(201).extract().jsonPath();
        // The repeats of subtask 42.42 got fresh keys 43..49 and are addressable.
        given().get("/api/projects/" + project + "/tags/master/tasks/42.49").then().statusCode(200).body("parent", equalTo("42"));
        given().get("/api/projects/" + project + "/tags/master/tasks/42.50").then().statusCode(404);
        // tag master: 42's eight subtasks all have id 42 (seven warnings); test-tag: task 1 depends on missing 16.
        assertThat(summary.getInt("tags.find { it.name == 'test-tag' }.unresolvedDependencies")).isEqualTo(1);
        assertThat(summary.getList("warnings.field", String.class)).contains("master/42.42/subtasks[1].id");
        assertThat(summary.getList("tags.tasks", Integer.class).stream().mapToInt(Integer::intValue).sum()).isEqualTo(182);
        assertThat(summary.getList("tags.subtasks", Integer.class).stream().mapToInt(Integer::intValue).sum()).isEqualTo(914);
    }

    @Test
    void tasksApiServesImportedTasks() {
        String shop = newProject();
        TaskRecord first = new TaskFileReader().read(bytes(TaskMasterFiles.project("web-shop"))).tags().getFirst().tasks().getFirst();
        importFile(shop, bytes(TaskMasterFiles.project("web-shop")), "").statusCode(201);
        given().get("/api/projects/" + shop + "/tags/master/tasks/1").then().statusCode(200)
                .body("id", equalTo("1")).body("title", equalTo(first.title()));
        given().get("/api/projects/" + shop + "/tags/master/tasks/1.1").then().statusCode(200)
                .body("id", equalTo("1.1")).body("parent", equalTo("1"))
                .body("title", equalTo(first.subtasks().getFirst().title()));

        String docs = newProject();
        importFile(docs, bytes(TaskMasterFiles.project("multilingual-docs")), "").statusCode(201);
        given().get("/api/projects/" + docs + "/tags/master/tasks/2").then().statusCode(200)
                .body("title", equalTo("翻译用户手册（中文）"));

        String farm = newProject();
        importFile(farm, bytes(TaskMasterFiles.project("build-farm")), "").statusCode(201);
        given().get("/api/projects/" + farm + "/tags/master/tasks/cache-service").then().statusCode(200)
                .body("title", equalTo("Shared build cache"));
        given().get("/api/projects/" + farm + "/tags/master/tasks/cache-service.cache-keys").then().statusCode(200)
                .body("parent", equalTo("cache-service"));
    }

    /** The same on the real files; skipped when they are not configured. */
    @Test
    void tasksApiServesImportedRealTasks() {
        String edu = newProject();
        byte[] eduFile = bytes(TaskMasterFiles.real("edu-parser"));
        TaskRecord first = new TaskFileReader().read(eduFile).tags().getFirst().tasks().getFirst();
        importFile(edu, eduFile, "").statusCode(201);
        given().get("/api/projects/" + edu + "/tags/master/tasks/1").then().statusCode(200)
                .body("id", equalTo("1")).body("title", equalTo(first.title()));
        given().get("/api/projects/" + edu + "/tags/master/tasks/1.1").then().statusCode(200)
                .body("id", equalTo("1.1")).body("parent", equalTo("1"))
                .body("title", equalTo(first.subtasks().getFirst().title()));

        String sync = newProject();
        importFile(sync, bytes(TaskMasterFiles.real("taskmaster-sync")), "").statusCode(201);
        given().get("/api/projects/" + sync + "/tags/master/tasks/rust-conversion-core").then().statusCode(200)
                .body("title", equalTo("Core Infrastructure Setup"));
        given().get("/api/projects/" + sync + "/tags/master/tasks/rust-conversion-core.rust-cli-setup").then().statusCode(200)
                .body("parent", equalTo("rust-conversion-core"));
    }

    @Test
    void invalidFileIsUnprocessableNamesTagTaskAndFieldAndChangesNothing() {
        String project = newProject();
        importFile(project, VALID).statusCode(201);
        byte[] before = export(project);
        Map<String, Long> counts = rowCounts();

        String invalid = """
                {"master": {"tasks": [{"id": 1, "title": "A", "subtasks": [{"id": 1, "title": "S", "status": "completed"}]},
                                      {"id": 2, "title": ""}]},
                 "other": {"tasks": [{"id": 1, "title": "B"}]}}
                """;
        importFile(project, invalid.getBytes(StandardCharsets.UTF_8), "?replace=true").statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-task-file"))
                .body("detail", startsWith("invalid tasks.json, 2 problems"))
                .body("errors", hasSize(2))
                .body("errors[0].field", equalTo("master/1.1/status"))
                .body("errors[0].message", startsWith("must be one of pending"))
                .body("errors[1].field", equalTo("master/2/title"));
        importFile(newProject(), invalid).statusCode(422);

        assertThat(rowCounts()).isEqualTo(counts);
        assertThat(export(project)).isEqualTo(before);
    }

    @Test
    void malformedJsonIsUnprocessableWithPlaceAndKind() {
        importFile(newProject(), "{\"master\": {\"tasks\": [}").statusCode(422)
                .body("type", equalTo("/problems/invalid-task-file"))
                .body("errors[0].field", nullValue())
                .body("errors[0].message", startsWith("malformed JSON at line 1, column"));
        importFile(newProject(), "").statusCode(422).body("errors[0].message", equalTo("the file is empty"));
    }

    @Test
    void textPostgresqlCannotStoreIsUnprocessable() {
        importFile(newProject(), "{\"t\": {\"tasks\": [{\"id\": 1, \"title\": \"a\\u0000b\"}]}}").statusCode(422)
                .body("errors[0].field", equalTo("t/1/title"));
    }

    @Test
    void existingTagsAreAConflictAndNothingChanges() {
        String project = newProject();
        importFile(project, "{\"feature\": {\"tasks\": [{\"id\": 7, \"title\": \"Old\"}]}}").statusCode(201);
        Map<String, Long> counts = rowCounts();

        importFile(project, VALID).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/conflict"))
                .body("detail", equalTo("Project '" + project + "' already has the tags feature;"
                        + " import with replace=true to replace them"));

        assertThat(rowCounts()).isEqualTo(counts);
        given().get("/api/projects/" + project + "/tags/master").then().statusCode(404);
    }

    @Test
    void replaceTrueReplacesExistingTagsAndLeavesOthersAlone() {
        String project = newProject();
        importFile(project, "{\"feature\": {\"tasks\": [{\"id\": 7, \"title\": \"Old\"}]},"
                + " \"keep\": {\"tasks\": [{\"id\": 1, \"title\": \"Kept\"}]}}").statusCode(201);

        importFile(project, VALID.getBytes(StandardCharsets.UTF_8), "?replace=true").statusCode(201)
                .body("tags.name", equalTo(List.of("master", "feature")));

        String tasks = "/api/projects/" + project + "/tags/";
        given().get(tasks + "feature/tasks/7").then().statusCode(404);
        given().get(tasks + "feature/tasks/1").then().statusCode(200).body("title", equalTo("F"));
        given().get(tasks + "keep/tasks/1").then().statusCode(200).body("title", equalTo("Kept"));
        JsonNode exported = tree(export(project));
        // Tags in id order: keep (first import), then master and feature (this import, in file order).
        assertThat(exported.properties().stream().map(Map.Entry::getKey).toList()).containsExactly("keep", "master", "feature");
    }

    @Test
    void importCreatesTheProjectAndAnswersWithLocation() {
        String project = newProject();
        importFile(project, VALID).statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/projects/" + project))
                .body("tags", hasSize(2)).body("tags.tasks", equalTo(List.of(1, 1)))
                .body("warnings", hasSize(0));
        given().get("/api/projects/" + project).then().statusCode(200).body("name", equalTo(project));
    }

    @Test
    void invalidProjectKeyIsBadRequest() {
        importFile("Not_Lower", VALID).statusCode(400).body("type", equalTo("/problems/invalid-request"))
                .body("errors.field", hasItem("project"));
        importFile("a".repeat(65), VALID).statusCode(400);
    }

    @Test
    void projectWithoutTagsExportsAnEmptyObject() {
        String project = newProject();
        given().contentType(ContentType.JSON).body("{\"key\":\"" + project + "\",\"name\":\"P\"}")
                .post("/api/projects").then().statusCode(201);
        assertThat(new String(export(project), StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @Test
    void exportOfUnknownProjectIsNotFound() {
        given().get("/api/projects/no-such-project/export").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("No project 'no-such-project'"));
    }

    /**
     * Prints import and export times of a file as large as the largest real one (the issue asks for "well under a
     * few seconds"); not asserted. Measured with the JDK's HTTP client: RestAssured's own handling of 1.5 MB bodies
     * costs more than the service.
     */
    @Test
    void largeFileImportsAndExportsQuickly() throws Exception {
        printImportAndExportTimes("project fixtures, repeated", TaskFilePerformanceTest.largeFileOfProjectFixtures());
    }

    /** The same with the largest real file; skipped when the real files are not configured. */
    @Test
    void largestRealFileImportsAndExportsQuickly() throws Exception {
        printImportAndExportTimes("real claude-task-master", bytes(TaskMasterFiles.real("claude-task-master")));
    }

    private static void printImportAndExportTimes(String name, byte[] file) throws Exception {
        TaskFile parsed = new TaskFileReader().read(file);
        String project = newProject();
        URI base = URI.create("http://localhost:" + RestAssured.port + "/api/projects/" + project);
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (int run = 1; run <= Integer.getInteger("runs", 3); run++) {
                long start = System.nanoTime();
                HttpResponse<String> imported = client.send(HttpRequest.newBuilder(URI.create(base + "/import" + (run == 1 ? "" : "?replace=true")))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                        HttpResponse.BodyHandlers.ofString());
                long middle = System.nanoTime();
                HttpResponse<byte[]> exported = client.send(HttpRequest.newBuilder(URI.create(base + "/export")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                long end = System.nanoTime();
                assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
                assertThat(exported.statusCode()).isEqualTo(200);
                System.out.printf("%s (%d bytes, %d tags, %d records), run %d: import %d ms%s, export %d ms (%d bytes)%n",
                        name, file.length, parsed.tags().size(), parsed.tags().stream().mapToInt(TaskList::recordCount).sum(), run,
                        (middle - start) / 1_000_000, run == 1 ? " (new project)" : " (replacing every tag)",
                        (end - middle) / 1_000_000, exported.body().length);
            }
        }
    }
}
