package io.taskservice.database;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Probes and metrics are served on the management port, not on the API port. */
@QuarkusTest
class HealthTest {

    private static int managementPort() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    @Test
    void readinessChecksTheDatabase() {
        given().port(managementPort()).get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
    }

    @Test
    void livenessAndStartedAreUp() {
        given().port(managementPort()).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().port(managementPort()).get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void probesAreNotOnTheApiPort() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void metricsExposePoolAndHttpTimings() {
        given().get("/api/projects").then().statusCode(200);
        String metrics = given().port(managementPort()).get("/q/metrics").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(metrics)
                .contains("sql_pool_active{", "sql_pool_idle{", "sql_pool_queue_size{", "sql_pool_queue_delay_seconds_count{")
                .contains("http_server_requests_seconds_count{");
    }
}
