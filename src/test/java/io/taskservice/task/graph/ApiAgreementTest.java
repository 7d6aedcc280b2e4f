package io.taskservice.task.graph;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.taskservice.support.TaskMasterFiles;
import io.taskservice.support.TaskMasterFiles.Fixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The API's {@code next} and {@code validation} give, for every tag of every fixture (the project's own, and the
 * real files when configured) and of generated task lists,
 * what {@link NextTaskRule} and {@link DependencyGraph} give on the same file, after it went through import, the
 * database and back. Those rules agree with {@code task-master-ai} 0.43.1 itself ({@link TaskMasterAgreementTest}),
 * so the API agrees with Task Master.
 */
@QuarkusTest
class ApiAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STATUSES = Set.of("pending", "in-progress", "review", "done", "deferred", "cancelled", "blocked");
    private static final Set<String> PRIORITIES = Set.of("low", "medium", "high", "critical");

    @Test
    void nextAndValidationAgreeOnEveryProjectFixture() throws IOException {
        assertAgreementOnEveryFile(TaskMasterFiles.project(), 5, 9);
    }

    /** The real files; skipped when they are not configured ({@link TaskMasterFiles}). */
    @Test
    void nextAndValidationAgreeOnEveryRealFile() throws IOException {
        assertAgreementOnEveryFile(TaskMasterFiles.real(), 4, 12);
    }

    private static void assertAgreementOnEveryFile(List<Fixture> fixtures, int files, int tags) throws IOException {
        List<Path> paths = fixtures.stream().map(Fixture::file).toList();
        assertThat(paths).hasSize(files);
        int compared = 0;
        for (Path file : paths) {
            compared += assertAgreement(JSON.readTree(file.toFile()));
        }
        assertThat(compared).as("tags compared").isEqualTo(tags);
    }

    @Test
    void nextAndValidationAgreeOnGeneratedTaskLists() {
        assertThat(assertAgreement(generatedFile(new Random(20261124), "g", 40, 3, 12))).isEqualTo(40);
    }

    /**
     * {@code next} is mostly answered by PostgreSQL ({@code NextTaskRepository}), and by the rule over the whole tag
     * only where the database's answer would not be exact: many more generated lists, to cover both ways and the
     * line between them (slugs, unresolved and self dependencies, subtasks of in-progress tasks, equal priorities).
     */
    @Test
    void nextAgreesOnManyMoreGeneratedTaskLists() {
        assertThat(assertAgreement(generatedFile(new Random(20261207), "m", 300, 2, 25))).isEqualTo(300);
    }

    /** A tagged file of {@code tags} generated task lists (tags prefix0, prefix1, ...) of min to min + spread - 1 tasks. */
    private static ObjectNode generatedFile(Random random, String prefix, int tags, int min, int spread) {
        ObjectNode file = JSON.createObjectNode();
        for (int graph = 0; graph < tags; graph++) {
            ArrayNode tasks = TaskMasterAgreementTest.GraphGenerator.tasks(random, min + random.nextInt(spread));
            file.putObject(prefix + graph).set("tasks", acceptedByTheService(tasks));
        }
        return file;
    }

    /** Imports {@code file} into a new project and compares every tag; returns the number of tags compared. */
    private static int assertAgreement(JsonNode file) {
        String project = "agree-" + UUID.randomUUID().toString().substring(0, 8);
        Response imported = given().contentType(ContentType.JSON).body(file.toString()).post("/api/projects/" + project + "/import");
        assertThat(imported.statusCode()).as(imported.asString()).isEqualTo(201);
        Map<String, List<TaskNode>> expected = TaskMasterAgreementTest.TaskFile.read(file);
        expected.forEach((tag, nodes) -> {
            String base = "/api/projects/" + project + "/tags/" + tag;
            String expectedNext = new NextTaskRule().next(nodes).map(TaskNode::id).orElse(null);
            Response next = given().get(base + "/next");
            assertThat(next.statusCode() == 204 ? null : next.jsonPath().getString("id")).as("next of %s", tag).isEqualTo(expectedNext);

            List<String> expectedProblems = new DependencyGraph(nodes).problems().stream()
                    .map(p -> p.kind().name().toLowerCase() + " " + p.taskId() + " " + p.dependencyId()).toList();
            List<Map<String, String>> problems = given().get(base + "/validation").then().statusCode(200).extract().path("$");
            assertThat(problems.stream().map(p -> p.get("kind") + " " + p.get("taskId") + " " + p.get("dependencyId")).toList())
                    .as("validation of %s", tag).isEqualTo(expectedProblems);
        });
        return expected.size();
    }

    /**
     * The generator also writes what Task Master tolerates and this service refuses at import (statuses outside
     * its seven, such as "completed" or "Pending"; a priority such as "urgent"; a dependency listed twice): those
     * are made acceptable first,
     * and both sides are then computed from the same file.
     */
    private static ArrayNode acceptedByTheService(ArrayNode tasks) {
        for (JsonNode task : tasks) {
            clean((ObjectNode) task);
            task.path("subtasks").forEach(subtask -> clean((ObjectNode) subtask));
        }
        return tasks;
    }

    private static void clean(ObjectNode record) {
        String status = record.path("status").asText("pending").toLowerCase();
        record.put("status", STATUSES.contains(status) ? status : status.equals("completed") ? "done" : "pending");
        if (record.hasNonNull("priority") && !PRIORITIES.contains(record.get("priority").asText())) {
            record.put("priority", "medium");
        }
        if (record.get("dependencies") instanceof ArrayNode dependencies) {
            Set<String> seen = new HashSet<>();
            for (int i = dependencies.size() - 1; i >= 0; i--) {
                if (!seen.add(dependencies.get(i).asText())) {
                    dependencies.remove(i);
                }
            }
        }
    }
}
