package io.taskservice.database;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A saturated pool answers, it does not hang: a request that gets no connection within the acquire
 * timeout, or finds the wait queue full, fails with 503 problem+json and Retry-After. The test itself
 * holds the pool's only connection to saturate it.
 */
@QuarkusTest
@TestProfile(PoolSaturationTest.OneConnection.class)
class PoolSaturationTest {

    /** One connection, one waiter at most, one second of waiting. */
    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.reactive.max-size", "1",
                    "task-service.pool.max-wait-queue-size", "1",
                    "task-service.pool.acquire-timeout", "1s");
        }
    }

    @Inject
    Pool pool;
    @Inject
    MeterRegistry metrics;

    private final List<SqlConnection> held = new ArrayList<>();

    private void holdTheOnlyConnection() {
        held.add(pool.getConnection().await().atMost(Duration.ofSeconds(10)));
    }

    @AfterEach
    void release() {
        held.forEach(connection -> connection.close().await().atMost(Duration.ofSeconds(10)));
        held.clear();
    }

    @Test
    void requestWithoutConnectionInTimeGets503() {
        holdTheOnlyConnection();
        long start = System.nanoTime();
        given().get("/api/projects")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("/problems/database-unavailable"));
        // Bounded by the 1 s acquire timeout, not Vert.x's 30 s default (generous margin for a busy machine).
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void fullWaitQueueRefusesAtOnceWith503() throws Exception {
        holdTheOnlyConnection();
        double rejectedBefore = rejected();
        // The first request takes the only place in the wait queue...
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> given().get("/api/projects"));
        awaitQueued();
        // ...so the next one is refused without waiting.
        given().get("/api/projects")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
        assertThat(rejected()).isGreaterThan(rejectedBefore);
        assertThat(waiting.get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
    }

    @Test
    void poolServesAgainOnceAConnectionIsFree() {
        holdTheOnlyConnection();
        given().get("/api/projects").then().statusCode(503);
        release();
        given().get("/api/projects").then().statusCode(200);
    }

    private double rejected() {
        return metrics.find("sql.pool.rejected").tag("pool.type", "sql").counter().count();
    }

    private void awaitQueued() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (metrics.find("sql.pool.queue.size").tag("pool.type", "sql").gauge().value() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
