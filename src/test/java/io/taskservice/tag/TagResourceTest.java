package io.taskservice.tag;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TagResourceTest {

    private String project;

    @BeforeEach
    void createProject() {
        project = "t-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"key\":\"" + project + "\",\"name\":\"P\"}")
                .post("/api/projects").then().statusCode(201);
    }

    private String tags() {
        return "/api/projects/" + project + "/tags";
    }

    private void createTag(String name) {
        given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}").post(tags()).then().statusCode(201);
    }

    @Test
    void createsListsAndGetsTags() {
        given().contentType(ContentType.JSON).body("{\"name\":\"master\",\"description\":\"main list\"}").post(tags())
                .then().statusCode(201).header("Location", endsWith(tags() + "/master"))
                .body("name", equalTo("master")).body("description", equalTo("main list"));
        createTag("feature-x");
        given().get(tags()).then().statusCode(200).body("name", equalTo(List.of("feature-x", "master")));
        given().get(tags() + "/master").then().statusCode(200).body("description", equalTo("main list"));
    }

    @Test
    void duplicateNameIsConflict() {
        createTag("master");
        given().contentType(ContentType.JSON).body("{\"name\":\"master\"}").post(tags())
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo("/problems/conflict"));
    }

    @Test
    void renamesTag() {
        createTag("old");
        given().contentType(ContentType.JSON).body("{\"name\":\"new\"}").put(tags() + "/old")
                .then().statusCode(200).body("name", equalTo("new"));
        given().get(tags() + "/old").then().statusCode(404);
        given().get(tags() + "/new").then().statusCode(200);
    }

    @Test
    void renameOntoExistingNameIsConflict() {
        createTag("a");
        createTag("b");
        given().contentType(ContentType.JSON).body("{\"name\":\"b\"}").put(tags() + "/a").then().statusCode(409);
    }

    @Test
    void deletesTag() {
        createTag("gone");
        given().delete(tags() + "/gone").then().statusCode(204);
        given().get(tags() + "/gone").then().statusCode(404);
    }

    @Test
    void unknownProjectOrTagIsNotFoundAndSaysWhich() {
        given().get("/api/projects/no-such-project/tags").then().statusCode(404).body("detail", equalTo("No project 'no-such-project'"));
        given().get(tags() + "/nope").then().statusCode(404).body("detail", equalTo("No tag 'nope'"));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").post("/api/projects/no-such-project/tags").then().statusCode(404);
    }

    @Test
    void invalidNameIsBadRequest() {
        given().contentType(ContentType.JSON).body("{\"name\":\"has space\"}").post(tags())
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body("{\"name\":\"" + "x".repeat(101) + "\"}").post(tags())
                .then().statusCode(400);
    }
}
