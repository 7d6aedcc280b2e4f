package io.taskservice.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dependencies, the next task, validation and the graph over HTTP. */
@QuarkusTest
class TaskDependencyResourceTest {

    private String tag;
    private String tasks;

    @BeforeEach
    void createTag() {
        String project = "d-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"key\":\"" + project + "\",\"name\":\"P\"}").post("/api/projects")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"name\":\"master\"}").post("/api/projects/" + project + "/tags")
                .then().statusCode(201);
        tag = "/api/projects/" + project + "/tags/master";
        tasks = tag + "/tasks";
    }

    private void task(String body) {
        given().contentType(ContentType.JSON).body(body).post(tasks).then().statusCode(201);
    }

    private io.restassured.response.ValidatableResponse depend(String id, String dependsOn) {
        return given().contentType(ContentType.JSON).body("{\"dependsOn\":\"" + dependsOn + "\"}")
                .post(tasks + "/" + id + "/dependencies").then();
    }

    @Test
    void addsAndRemovesDependenciesAndMovesTheETag() {
        task("{\"title\":\"A\"}");
        task("{\"title\":\"B\"}");
        task("{\"parent\":\"1\",\"title\":\"A.1\"}");
        depend("2", "1").statusCode(201).header("Location", endsWith("/tasks/2/dependencies/1")).header("ETag", "\"1\"")
                .body("dependencies", equalTo(List.of("1")));
        depend("2", "1.1").statusCode(201).body("dependencies", equalTo(List.of("1", "1.1")));
        given().delete(tasks + "/2/dependencies/1").then().statusCode(204);
        given().get(tasks + "/2").then().body("dependencies", equalTo(List.of("1.1"))).header("ETag", "\"3\"");
        given().delete(tasks + "/2/dependencies/1").then().statusCode(404);
    }

    @Test
    void refusesSelfMissingDuplicateAndCyclicDependencies() {
        task("{\"title\":\"A\"}");
        task("{\"title\":\"B\",\"dependencies\":[\"1\"]}");
        task("{\"title\":\"C\",\"dependencies\":[\"2\"]}");
        depend("1", "1").statusCode(422).body("type", equalTo("/problems/dependency-self"));
        depend("1", "9").statusCode(422).body("type", equalTo("/problems/dependency-missing"));
        depend("3", "2").statusCode(409);
        depend("1", "3").statusCode(422).body("type", equalTo("/problems/dependency-cycle"))
                .body("detail", containsString("1 -> 3 -> 2 -> 1"));
        depend("1", "not valid!").statusCode(400).body("errors[0].field", equalTo("dependsOn"));
        given().get(tasks + "/1").then().body("dependencies", hasSize(0));
    }

    @Test
    void addingADependencyHonoursIfMatch() {
        task("{\"title\":\"A\"}");
        task("{\"title\":\"B\"}");
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body("{\"dependsOn\":\"1\"}")
                .post(tasks + "/2/dependencies").then().statusCode(412);
    }

    @Test
    void nextFollowsTaskMastersRules() {
        given().get(tag + "/next").then().statusCode(204);
        task("{\"title\":\"Low\",\"priority\":\"low\"}");
        task("{\"title\":\"High but blocked\",\"priority\":\"high\",\"dependencies\":[\"1\"]}");
        task("{\"title\":\"Medium\",\"priority\":\"medium\"}");
        given().get(tag + "/next").then().statusCode(200).body("id", equalTo("3")).header("ETag", "\"0\"");
        given().contentType("application/merge-patch+json").body("{\"status\":\"done\"}").patch(tasks + "/1").then().statusCode(200);
        given().get(tag + "/next").then().body("id", equalTo("2"));
        given().contentType("application/merge-patch+json").body("{\"status\":\"in-progress\"}").patch(tasks + "/2");
        task("{\"parent\":\"2\",\"title\":\"Sub\"}");
        given().get(tag + "/next").then().body("id", equalTo("2.1")); // subtasks of in-progress tasks come first
    }

    @Test
    void validationReportsNothingForACleanTag() {
        task("{\"title\":\"A\"}");
        task("{\"title\":\"B\",\"dependencies\":[\"1\"]}");
        given().get(tag + "/validation").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void graphIsMermaidText() {
        task("{\"title\":\"Set up \\\"CI\\\"\"}");
        task("{\"title\":\"Deploy\",\"dependencies\":[\"1\"]}");
        given().get(tag + "/graph").then().statusCode(200).contentType(startsWith("text/vnd.mermaid"))
                .body(startsWith("flowchart TD")).body(containsString("-->")).body(containsString("Deploy"));
    }

    @Test
    void unknownTagIsNotFoundForEveryView() {
        String other = tag.replace("/master", "/nope");
        given().get(other + "/next").then().statusCode(404);
        given().get(other + "/validation").then().statusCode(404);
        given().get(other + "/graph").then().statusCode(404).contentType("application/problem+json");
    }

    /** Without the tag lock, both checks would see no cycle and both inserts would succeed. */
    @Test
    void concurrentAdditionsNeverCloseACycle() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                task("{\"title\":\"A\"}");
                task("{\"title\":\"B\"}");
                String a = Integer.toString(round * 2 + 1);
                String b = Integer.toString(round * 2 + 2);
                var first = pool.submit(() -> depend(a, b).extract().statusCode());
                var second = pool.submit(() -> depend(b, a).extract().statusCode());
                List<Integer> statuses = List.of(first.get(30, java.util.concurrent.TimeUnit.SECONDS),
                        second.get(30, java.util.concurrent.TimeUnit.SECONDS));
                org.assertj.core.api.Assertions.assertThat(statuses).containsExactlyInAnyOrder(201, 422);
            }
        } finally {
            pool.shutdownNow();
        }
        given().get(tag + "/validation").then().body("$", hasSize(0));
    }
}
