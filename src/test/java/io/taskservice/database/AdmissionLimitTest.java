package io.taskservice.database;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Admission control (api/RequestAdmission): with as many requests in flight as admitted, the next ones are refused
 * at once with 503, Retry-After and problem+json, before they reach the pool; liveness stays UP; once the database
 * answers again the admitted requests are served and every place and connection is free again.
 *
 * <p>The test holds both pooled connections itself, so the admitted requests wait for one for as long as it likes:
 * a stalled database, deterministically.
 */
@QuarkusTest
@TestProfile(AdmissionLimitTest.FourInFlight.class)
class AdmissionLimitTest {

    static final int POOL_SIZE = 2;
    static final int LIMIT = 4;
    static final int REFUSED = 40;

    /** Two connections, four requests in flight at most, and waits far longer than the test holds the connections. */
    public static class FourInFlight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.reactive.max-size", Integer.toString(POOL_SIZE),
                    "task-service.admission.max-in-flight", Integer.toString(LIMIT),
                    "task-service.pool.acquire-timeout", "50s",
                    "task-service.database.request-timeout", "60s");
        }
    }

    @TestHTTPResource("/api/projects")
    String projects;
    @Inject
    Pool pool;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    @Inject
    MeterRegistry metrics;

    @Test
    void requestsBeyondTheLimitAreRefusedAtOnceAndTheAdmittedOnesServed() throws Exception {
        given().get("/api/projects").then().statusCode(200); // warm-up: a cold first request is not what we time
        double shedBefore = overCapacity();
        List<SqlConnection> held = new ArrayList<>();
        for (int i = 0; i < POOL_SIZE; i++) {
            held.add(pool.getConnection().await().atMost(Duration.ofSeconds(10)));
        }
        ExecutorService clients = Executors.newFixedThreadPool(LIMIT + 8);
        List<Future<Response>> admitted = new ArrayList<>();
        try {
            for (int i = 0; i < LIMIT; i++) {
                admitted.add(clients.submit(() -> given().get("/api/projects")));
            }
            awaitAtLeast("requests in flight", () -> gauge("task_service.requests.in_flight"), LIMIT);

            List<Future<Long>> refusals = new ArrayList<>();
            for (int i = 0; i < REFUSED; i++) {
                refusals.add(clients.submit(this::refusedMillis));
            }
            List<Long> millis = new ArrayList<>();
            for (Future<Long> refusal : refusals) {
                millis.add(refusal.get(30, TimeUnit.SECONDS));
            }
            millis.sort(null);
            // Answered without waiting for the database (held for seconds more): generous bounds for a loaded CI
            // machine, far below the 9 s the pool would have made them wait.
            assertThat(millis.get(millis.size() / 2)).as("median ms of a refusal, all: %s", millis).isLessThan(500);
            assertThat(millis.get(millis.size() - 1)).as("slowest refusal in ms, all: %s", millis).isLessThan(3_000);
            assertThat(overCapacity() - shedBefore).as("task_service_requests_shed_total{reason=over_capacity}")
                    .isEqualTo(REFUSED);

            // A request with a body is refused too, and its connection closed: the body was never read.
            given().contentType("application/json").body("{\"key\":\"refused\",\"name\":\"x\"}").post("/api/projects")
                    .then().statusCode(503).header("Retry-After", "1").header("Connection", "close");

            given().port(managementPort()).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            held.forEach(connection -> connection.close().await().atMost(Duration.ofSeconds(10)));
        }
        try {
            for (Future<Response> request : admitted) {
                assertThat(request.get(30, TimeUnit.SECONDS).statusCode()).as("an admitted request").isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }

        awaitAtMost("requests in flight", () -> gauge("task_service.requests.in_flight"), 0);
        awaitAtMost("connections in use", () -> poolGauge("sql.pool.active"), 0);
        assertThat(poolGauge("sql.pool.queue.size")).as("waiters for a connection").isZero();
        // Every place is free: the limit's worth of requests at once are all served.
        List<CompletableFuture<Integer>> again = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            again.add(CompletableFuture.supplyAsync(() -> given().get("/api/projects").statusCode()));
        }
        for (CompletableFuture<Integer> status : again) {
            assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        }
    }

    /** One request over the limit: checks the refusal and returns how long it took. */
    private long refusedMillis() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(projects)).build(),
                HttpResponse.BodyHandlers.ofString());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.body()).contains("\"type\":\"/problems/overloaded\"", "\"status\":503");
        return millis;
    }

    private static int managementPort() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    private double overCapacity() {
        var counter = metrics.find("task_service.requests.shed").tag("reason", "over_capacity").counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge(String name) {
        var gauge = metrics.find(name).gauge();
        assertThat(gauge).as("metric " + name).isNotNull();
        return gauge.value();
    }

    private double poolGauge(String name) {
        var gauge = metrics.find(name).tag("pool.type", "sql").gauge();
        assertThat(gauge).as("metric " + name).isNotNull();
        return gauge.value();
    }

    private static void awaitAtLeast(String what, DoubleSupplier value, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (value.getAsDouble() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(value.getAsDouble()).as(what).isGreaterThanOrEqualTo(expected);
    }

    private static void awaitAtMost(String what, DoubleSupplier value, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (value.getAsDouble() > expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(value.getAsDouble()).as(what).isLessThanOrEqualTo(expected);
    }
}
