package io.taskservice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One packaged service against a real PostgreSQL whose password is the canary: a healthy start (measured),
 * the API and the management interface, then the database going away and coming back under it.
 *
 * <p>The tests share the service and run in order: the outage tests come last and leave the database up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunningServiceIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Readiness probe timeout (2 s) plus a poll or two. */
    private static final Duration NOT_READY_WITHIN = Duration.ofSeconds(8);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(30);
    /** Pool acquire and connect timeouts are 5 s each; a request must never hang much longer. */
    private static final Duration UNAVAILABLE_ANSWER_WITHIN = Duration.ofSeconds(15);
    private static final String REASON = "database unreachable|authentication failed|query failed|no answer within \\d+ ms";

    private static TestDatabase database;
    private static PackagedService service;

    @BeforeAll
    static void startService() {
        database = TestDatabase.start();
        service = PackagedService.start("RunningServiceIT", database.environment());
        Duration startToReady = service.awaitReady(START_TIMEOUT);
        System.out.println("MEASURE start-to-ready-ms=" + startToReady.toMillis());
    }

    @AfterAll
    static void stopService() {
        try {
            if (service != null) {
                service.close();
                Canary.assertAbsent("output", service.output());
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @AfterEach
    void outputHasNoCanary() {
        Canary.assertAbsent("output", service.output());
    }

    @Test
    @Order(1)
    void reportsReadyLiveAndStartedOnManagementPort() {
        for (String probe : new String[] {"/q/health/ready", "/q/health/live", "/q/health/started"}) {
            HttpResponse<String> response = service.getManagement(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(HealthPayload.parse(response.body()).status()).as(probe).isEqualTo("UP");
            Canary.assertAbsent(probe, response.body());
        }
        assertThat(HealthPayload.parse(service.getManagement("/q/health/ready").body()).check("database"))
                .hasValueSatisfying(check -> assertThat(check.status()).isEqualTo("UP"));
    }

    @Test
    @Order(2)
    void servesNoHealthOrMetricsOnApiPort() {
        assertThat(service.getApi("/q/health/ready").statusCode()).isEqualTo(404);
        assertThat(service.getApi("/q/metrics").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void createsAndReadsProject() {
        HttpResponse<String> created = service.postApi("/api/projects", "{\"key\":\"demo\",\"name\":\"Demo\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/api/projects/demo");

        HttpResponse<String> read = service.getApi("/api/projects/demo");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"key\":\"demo\"").contains("\"name\":\"Demo\"");
    }

    @Test
    @Order(4)
    void exposesPoolAndHttpMetrics() {
        // http_server_requests_seconds appears once a request was served: createsAndReadsProject ran before.
        service.getApi("/api/projects");
        HttpResponse<String> metrics = service.getManagement("/q/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("sql_pool_active")
                .contains("sql_pool_queue_size")
                .contains("sql_pool_idle")
                .contains("http_server_requests_seconds");
        Canary.assertAbsent("metrics", metrics.body());
    }

    @Test
    @Order(5)
    void reportsNotReadyAndAnswers503WhileDatabaseIsStoppedThenRecovers() {
        database.stop();
        try {
            // Refused connections are "unreachable", not a timeout (issue 6, defect 14).
            assertThat(assertNotReadyWithCleanPayload()).isEqualTo("database unreachable");
            assertThat(service.getManagement("/q/health/live").statusCode()).as("liveness").isEqualTo(200);
            assertUnavailable("/api/projects");
        } finally {
            database.restart();
        }

        // Recovery without restarting the service: the pool opens new connections by itself.
        Eventually.until("readiness UP again", RECOVERY_TIMEOUT,
                () -> service.getManagement("/q/health/ready").statusCode() == 200);
        Eventually.until("the API serving again", RECOVERY_TIMEOUT,
                () -> service.getApi("/api/projects/demo").statusCode() == 200);
        assertThat(service.isAlive()).isTrue();
    }

    @Test
    @Order(6)
    void readinessAnswersWithinItsTimeoutWhileDatabaseHangs() {
        database.pause();
        try {
            assertNotReadyWithCleanPayload();
            assertThat(service.getManagement("/q/health/live").statusCode()).as("liveness").isEqualTo(200);
        } finally {
            database.unpause();
        }
        Eventually.until("readiness UP again", RECOVERY_TIMEOUT,
                () -> service.getManagement("/q/health/ready").statusCode() == 200);
    }

    /**
     * A query sent on a pooled connection that is already open gets no answer while PostgreSQL is frozen; the
     * acquire and connect timeouts only cover getting a connection. The request timeout
     * (task-service.database.request-timeout) bounds it: 503 instead of hanging as long as the database does.
     */
    @Test
    @Order(7)
    void requestsAnswer503WithinBoundedTimeWhileDatabaseHangs() {
        // Warm the pool, so that requests find open connections, as in steady production traffic.
        for (int i = 0; i < 5; i++) {
            assertThat(service.getApi("/api/projects").statusCode()).isEqualTo(200);
        }
        database.pause();
        try {
            assertUnavailable("/api/projects");
        } finally {
            database.unpause();
        }
        Eventually.until("the API serving again", RECOVERY_TIMEOUT,
                () -> service.getApi("/api/projects").statusCode() == 200);
    }

    /** Waits for readiness DOWN, checks its payload and returns the database check's reason. */
    private static String assertNotReadyWithCleanPayload() {
        HttpResponse<String> ready = Eventually.await("readiness DOWN", NOT_READY_WITHIN, () -> {
            HttpResponse<String> response = service.getManagement("/q/health/ready");
            return response.statusCode() == 503 ? Optional.of(response) : Optional.empty();
        });
        HealthPayload payload = HealthPayload.parse(ready.body());
        assertThat(payload.status()).isEqualTo("DOWN");
        HealthPayload.Check check = payload.check("database").orElseThrow();
        assertThat(check.status()).isEqualTo("DOWN");
        // Only our own vocabulary, never a driver message (which may quote host, user or SQL).
        assertThat(check.data().get("reason")).matches(REASON);
        assertThat(ready.body()).doesNotContainIgnoringCase("exception").doesNotContain("FATAL");
        Canary.assertAbsent("readiness payload", ready.body());
        return check.data().get("reason");
    }

    private static void assertUnavailable(String path) {
        long started = System.nanoTime();
        // getApi gives up after 20 s (HttpTimeoutException) if the service never answers.
        HttpResponse<String> response = service.getApi(path);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("time to answer").isLessThan(UNAVAILABLE_ANSWER_WITHIN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                value -> assertThat(value).matches("\\d+"));
        assertThat(response.body())
                .contains("\"status\":503")
                .doesNotContain("\tat ")
                .doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("select ")
                .doesNotContain("jdbc:")
                .doesNotContain("postgresql://");
        Canary.assertAbsent("response body", response.body());
    }
}
