package io.taskservice.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectResourceTest {

    private static String uniqueKey() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void create(String key, String name) {
        given().contentType(ContentType.JSON).body("{\"key\":\"" + key + "\",\"name\":\"" + name + "\"}")
                .post("/api/projects").then().statusCode(201);
    }

    @Test
    void createsProjectWithLocationAndReadsItBack() {
        String key = uniqueKey();
        given().contentType(ContentType.JSON)
                .body("{\"key\":\"" + key + "\",\"name\":\"Demo\",\"description\":\"first\"}")
                .post("/api/projects")
                .then().statusCode(201)
                .header("Location", endsWith("/api/projects/" + key))
                .body("key", equalTo(key)).body("name", equalTo("Demo")).body("version", equalTo(0))
                .body("createdAt", not(nullValue()));

        given().get("/api/projects/" + key)
                .then().statusCode(200).body("name", equalTo("Demo")).body("description", equalTo("first"));
    }

    @Test
    void listsProjectsInKeyOrderByPage() {
        String prefix = "list-" + UUID.randomUUID().toString().substring(0, 6);
        create(prefix + "-b", "B");
        create(prefix + "-a", "A");
        given().queryParam("size", 500).get("/api/projects")
                .then().statusCode(200).body("items.key", hasItem(prefix + "-a"));
        given().queryParam("page", 0).queryParam("size", 1).get("/api/projects")
                .then().statusCode(200).body("items", hasSize(1)).body("page", equalTo(0)).body("size", equalTo(1))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
    }

    @Test
    void duplicateKeyIsConflict() {
        String key = uniqueKey();
        create(key, "One");
        given().contentType(ContentType.JSON).body("{\"key\":\"" + key + "\",\"name\":\"Two\"}")
                .post("/api/projects")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/conflict")).body("status", equalTo(409))
                .body("detail", not(nullValue()));
    }

    @Test
    void unknownProjectIsNotFound() {
        given().get("/api/projects/does-not-exist")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("detail", equalTo("No project 'does-not-exist'"))
                .body("instance", equalTo("/api/projects/does-not-exist"));
    }

    @Test
    void invalidBodyNamesTheFailingFields() {
        given().contentType(ContentType.JSON).body("{\"key\":\"Bad Key\",\"name\":\" \"}")
                .post("/api/projects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-request"))
                .body("errors.field", equalTo(java.util.List.of("key", "name")));
    }

    @Test
    void missingBodyIsBadRequest() {
        given().contentType(ContentType.JSON).post("/api/projects")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsBadRequestWithoutParserInternals() {
        given().contentType(ContentType.JSON).body("{\"key\": \"x\", ")
                .post("/api/projects")
                .then().statusCode(400).contentType("application/problem+json")
                .body(not(org.hamcrest.Matchers.containsString("jackson")))
                .body(not(org.hamcrest.Matchers.containsString("Exception")));
    }

    @Test
    void wrongJsonTypeIsBadRequest() {
        given().contentType(ContentType.JSON).body("{\"key\": [1], \"name\": \"x\"}")
                .post("/api/projects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("key"));
    }

    @Test
    void overlongNameIsRejected() {
        given().contentType(ContentType.JSON).body("{\"key\":\"" + uniqueKey() + "\",\"name\":\"" + "n".repeat(201) + "\"}")
                .post("/api/projects")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void pageSizeOutsideRangeIsBadRequest() {
        given().queryParam("size", 501).get("/api/projects")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().queryParam("page", -1).get("/api/projects")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void unsupportedMediaTypeIsProblem() {
        given().contentType(ContentType.TEXT).body("key=x").post("/api/projects")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void updatesNameAndDescriptionButNotKey() {
        String key = uniqueKey();
        create(key, "Old");
        given().contentType(ContentType.JSON).body("{\"name\":\"New\",\"description\":\"d\"}")
                .put("/api/projects/" + key)
                .then().statusCode(200).body("key", equalTo(key)).body("name", equalTo("New")).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body("{\"name\":\"\"}").put("/api/projects/" + key)
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").put("/api/projects/nope-" + key)
                .then().statusCode(404);
    }

    @Test
    void deletesProjectWithItsTags() {
        String key = uniqueKey();
        create(key, "Doomed");
        given().contentType(ContentType.JSON).body("{\"name\":\"master\"}").post("/api/projects/" + key + "/tags")
                .then().statusCode(201);
        given().delete("/api/projects/" + key).then().statusCode(204);
        given().get("/api/projects/" + key).then().statusCode(404);
        given().get("/api/projects/" + key + "/tags/master").then().statusCode(404);
        given().delete("/api/projects/" + key).then().statusCode(404);
    }
}
