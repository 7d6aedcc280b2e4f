package io.taskservice.taskmaster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes through the API keep what an import stored: numbers inside {@code extra} keep their written form, and
 * every dependency keeps its target through export and re-import.
 */
@QuarkusTest
class ApiWriteFidelityTest {

    private static final String FILE = """
            {"master": {"tasks": [
              {"id": 1, "title": "One", "status": "pending", "dependencies": [],
               "cost": 1.50, "ratio": 0.10, "huge": 123456789012345678901234567890, "nested": {"weights": [2.50, 1.0]},
               "subtasks": [{"id": 1, "title": "S1", "status": "pending", "dependencies": []},
                            {"id": 2, "title": "S2", "status": "pending", "dependencies": [1]}]},
              {"id": 2, "title": "Two", "status": "pending", "dependencies": [1],
               "subtasks": [{"id": 1, "title": "S21", "status": "pending", "dependencies": ["1.2"]}]}],
             "metadata": {"created": "2025-01-01T00:00:00.000Z", "updated": "2025-01-01T00:00:00.000Z", "description": "d"},
             "budget": 12.50}}
            """;

    private String project;
    private String tasks;

    @BeforeEach
    void importFile() {
        project = "fid-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(FILE).post("/api/projects/" + project + "/import").then().statusCode(201);
        tasks = "/api/projects/" + project + "/tags/master/tasks";
    }

    private String export() {
        return given().get("/api/projects/" + project + "/export").then().statusCode(200).extract().asString();
    }

    @Test
    void putPatchAndTagRenameKeepNumbersAsWritten() {
        assertThat(export()).contains("1.50", "0.10", "123456789012345678901234567890", "2.50", "12.50");

        given().contentType(io.taskservice.task.TaskResource.MERGE_PATCH).body("{\"status\":\"in-progress\"}").patch(tasks + "/1")
                .then().statusCode(200).body("extra.cost", equalTo(1.50f));
        String afterPatch = export();
        assertThat(afterPatch).contains("\"cost\": 1.50", "\"ratio\": 0.10", "123456789012345678901234567890", "2.50");

        String body = given().get(tasks + "/1").then().statusCode(200).extract().asString();
        String replaced = body.replace("\"in-progress\"", "\"review\"");
        given().contentType(ContentType.JSON).body(replaced).put(tasks + "/1").then().statusCode(200);
        assertThat(export()).contains("\"cost\": 1.50", "\"ratio\": 0.10", "123456789012345678901234567890", "2.50");

        given().contentType(ContentType.JSON).body("{\"name\":\"renamed\"}").put("/api/projects/" + project + "/tags/master")
                .then().statusCode(200);
        assertThat(export()).contains("\"budget\": 12.50", "\"cost\": 1.50");
    }

    @Test
    void subtaskDependenciesKeepTheirTargetsThroughExportAndImport() {
        // Added through the API: 2.1 on its sibling's cousin 1.1 (a dotted id), 1.2 on 1.1 (a sibling).
        given().contentType(ContentType.JSON).body("{\"dependsOn\":\"1.1\"}").post(tasks + "/2.1/dependencies")
                .then().statusCode(201);
        String exported = export();
        String copy = "fid-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(exported).post("/api/projects/" + copy + "/import").then().statusCode(201);
        for (String id : new String[] {"1.2", "2.1", "2"}) {
            Object before = given().get(tasks + "/" + id).then().extract().path("dependencies");
            Object after = given().get("/api/projects/" + copy + "/tags/master/tasks/" + id).then().extract().path("dependencies");
            assertThat(after).as(id).isEqualTo(before);
        }
        assertThat(given().get(tasks + "/2.1").then().extract().jsonPath().getList("dependencies")).containsExactly("1.2", "1.1");
    }

    @Test
    void subtaskCannotDependOnTopLevelTaskThatTaskMasterWouldReadAsSibling() {
        // task-master add-dependency --id=2.1 --depends-on=1 writes "1", which task-master next reads as 2.1's sibling.
        given().contentType(ContentType.JSON).body("{\"dependsOn\":\"1\"}").post(tasks + "/2.1/dependencies")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/dependency-not-expressible")).body("errors[0].field", equalTo("dependsOn"));
        given().contentType(ContentType.JSON).body("{\"parent\":\"2\",\"title\":\"S\",\"dependencies\":[\"1\"]}").post(tasks)
                .then().statusCode(422).body("type", equalTo("/problems/dependency-not-expressible"));
        given().get(tasks + "?parent=2").then().statusCode(200).body("total", equalTo(1));
    }
}
