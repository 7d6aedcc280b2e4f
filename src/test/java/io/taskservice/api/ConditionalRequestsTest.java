package io.taskservice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ETags, If-Match on projects and tags, and If-None-Match (304) on every GET of the API. */
@QuarkusTest
class ConditionalRequestsTest {

    private String project;
    private String base;

    @BeforeEach
    void createProject() {
        project = "cond-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"key\":\"" + project + "\",\"name\":\"P\"}").post("/api/projects")
                .then().statusCode(201).header("ETag", "\"0\"");
        base = "/api/projects/" + project;
        given().contentType(ContentType.JSON).body("{\"name\":\"master\"}").post(base + "/tags").then().statusCode(201)
                .header("ETag", "\"0\"");
        given().contentType(ContentType.JSON).body("{\"title\":\"One\"}").post(base + "/tags/master/tasks").then().statusCode(201);
    }

    @Test
    void projectUpdateAndDeleteHonourIfMatch() {
        given().get(base).then().statusCode(200).header("ETag", "\"0\"");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\":\"Renamed\"}").put(base)
                .then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Renamed"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\":\"Stale\"}").put(base)
                .then().statusCode(412).contentType("application/problem+json");
        given().header("If-Match", "\"0\"").delete(base).then().statusCode(412);
        given().get(base).then().statusCode(200).body("name", equalTo("Renamed"));
        given().header("If-Match", "\"1\"").delete(base).then().statusCode(204);
    }

    @Test
    void tagUpdateAndDeleteHonourIfMatch() {
        String tag = base + "/tags/master";
        given().get(tag).then().statusCode(200).header("ETag", "\"0\"");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\":\"master\",\"description\":\"d\"}")
                .put(tag).then().statusCode(200).header("ETag", "\"1\"");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\":\"other\"}").put(tag)
                .then().statusCode(412).contentType("application/problem+json");
        given().header("If-Match", "\"0\"").delete(tag).then().statusCode(412);
        given().header("If-Match", "\"1\"").delete(tag).then().statusCode(204);
        given().get(tag).then().statusCode(404);
    }

    @Test
    void everyGetAnswersNotModifiedForItsOwnETag() {
        for (String path : new String[] {"/api/projects", base, base + "/tags", base + "/tags/master",
                base + "/tags/master/tasks", base + "/tags/master/tasks/1", base + "/tags/master/next",
                base + "/tags/master/validation", base + "/tags/master/graph", base + "/export"}) {
            String etag = given().get(path).then().statusCode(200).extract().header("ETag");
            assertThat(etag).as(path).isNotBlank().startsWith("\"");
            given().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", etag);
            given().header("If-None-Match", "W/" + etag + ", \"other\"").get(path).then().statusCode(304);
            given().header("If-None-Match", "\"other\"").get(path).then().statusCode(200).header("ETag", etag);
        }
    }

    @Test
    void listAndExportETagsChangeWithTheirContent() {
        String list = base + "/tags/master/tasks";
        String listTag = given().get(list).then().extract().header("ETag");
        String exportTag = given().get(base + "/export").then().extract().header("ETag");
        given().contentType(ContentType.JSON).body("{\"title\":\"Two\"}").post(list).then().statusCode(201);
        given().header("If-None-Match", listTag).get(list).then().statusCode(200).header("ETag", not(equalTo(listTag)));
        given().header("If-None-Match", exportTag).get(base + "/export").then().statusCode(200)
                .header("ETag", not(equalTo(exportTag)));
    }
}
