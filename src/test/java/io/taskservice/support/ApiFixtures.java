package io.taskservice.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.UUID;

/** Data that API tests start from, created through the API itself. */
public final class ApiFixtures {

    private ApiFixtures() {
    }

    /** Creates a project with a fresh key starting with {@code prefix} and its tag {@code master}; returns the key. */
    public static String projectWithMasterTag(String prefix) {
        String project = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"key\":\"" + project + "\",\"name\":\"P\"}").post("/api/projects")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"name\":\"master\"}").post("/api/projects/" + project + "/tags")
                .then().statusCode(201);
        return project;
    }

    /** The path of the tasks of a project's tag {@code master}. */
    public static String masterTasks(String project) {
        return "/api/projects/" + project + "/tags/master/tasks";
    }
}
