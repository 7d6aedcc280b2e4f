package io.taskservice.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every endpoint with its error responses. */
@QuarkusTest
class OpenApiTest {

    private static int managementPort() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    @Test
    void documentsEndpointsAndProblemResponses() {
        var api = given().port(managementPort()).accept("application/json").get("/q/openapi?format=json").then().statusCode(200);
        api.body("components.schemas", hasKey("Problem"));
        api.body("paths", hasKey("/api/projects"));
        api.body("paths", hasKey("/api/projects/{project}/tags/{tag}"));
        api.body("paths", hasKey("/api/projects/{project}/tags/{tag}/tasks/{id}"));
        api.body("paths.'/api/projects'.post.responses.'409'.content.'application/problem+json'.schema.$ref",
                equalTo("#/components/schemas/Problem"));
        api.body("paths.'/api/projects/{project}/tags/{tag}/tasks/{id}'.patch.responses.'412'", notNullValue());
        api.body("paths.'/api/projects/{project}/tags/{tag}/tasks'.post.responses.'422'", notNullValue());
        api.body("paths.'/api/projects/{project}'.get.responses.'404'", notNullValue());
        api.body("paths.'/api/projects'.get.responses.'503'", notNullValue());
    }

    @Test
    void swaggerUiIsServed() {
        given().port(managementPort()).get("/q/swagger-ui/").then().statusCode(200);
    }
}
