package io.taskservice.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Every POST of the API declares the optional Idempotency-Key header and the 422 of a reused key. */
@QuarkusTest
class IdempotencyOpenApiTest {

    @Test
    void everyPostDeclaresTheOptionalHeader() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        JsonPath api = given().port(port).accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        List<String> posts = paths.entrySet().stream()
                .filter(path -> path.getKey().startsWith("/api/") && path.getValue().containsKey("post"))
                .map(Map.Entry::getKey).sorted().toList();
        assertThat(posts).containsExactly(
                "/api/projects",
                "/api/projects/{project}/import",
                "/api/projects/{project}/tags",
                "/api/projects/{project}/tags/{tag}/tasks",
                "/api/projects/{project}/tags/{tag}/tasks/{id}/dependencies");
        for (String path : posts) {
            String post = "paths.'" + path + "'.post";
            Map<String, Object> header = api.getMap(post + ".parameters.find { it.name == 'Idempotency-Key' }");
            assertThat(header).as(path).containsEntry("in", "header").doesNotContainEntry("required", true);
            assertThat((String) header.get("description")).as(path).contains("24 h");
            assertThat(api.getString(post + ".responses.'422'.description")).as(path).containsIgnoringCase("Idempotency-Key");
        }
    }
}
