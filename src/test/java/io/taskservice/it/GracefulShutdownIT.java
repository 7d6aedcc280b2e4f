package io.taskservice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * SIGTERM, as Kubernetes sends it: readiness goes DOWN at once while the API keeps serving for the shutdown
 * delay (5 s in prod), requests already in flight finish, and the process then exits by itself.
 *
 * <p>Exit code: 143, not 0. On SIGTERM the JVM runs its shutdown hooks (Quarkus' graceful shutdown is one)
 * and then exits with 128 + 15 = 143; Quarkus does not change that status. 143 is the ordinary "terminated
 * by SIGTERM" status to Kubernetes and shells; a SIGKILL after a hung shutdown would give 137.
 */
class GracefulShutdownIT {

    private static final int SIGTERM_EXIT_CODE = 143;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** quarkus.shutdown.delay in prod. */
    private static final Duration SHUTDOWN_DELAY = Duration.ofSeconds(5);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(25);

    private static TestDatabase database;
    private PackagedService service;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.start();
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void startService(TestInfo test) {
        service = PackagedService.start("GracefulShutdownIT-" + test.getTestMethod().orElseThrow().getName(),
                database.environment());
        System.out.println("MEASURE start-to-ready-ms=" + service.awaitReady(START_TIMEOUT).toMillis());
    }

    @AfterEach
    void stopService() {
        service.close();
        Canary.assertAbsent("output", service.output());
    }

    @Test
    void sigtermTurnsReadinessDownWhileApiStillServesThenExits() {
        service.terminate();
        long terminated = System.nanoTime();

        HttpResponse<String> ready = awaitNotReady();
        assertThat(HealthPayload.parse(ready.body()).check("Graceful Shutdown"))
                .hasValueSatisfying(check -> assertThat(check.status()).isEqualTo("DOWN"));
        HttpResponse<String> during = service.getApi("/api/projects");
        assertThat(sinceMillis(terminated)).as("still within the shutdown delay").isLessThan(SHUTDOWN_DELAY.toMillis());
        assertThat(during.statusCode()).as("API during the shutdown delay").isEqualTo(200);

        assertThat(service.awaitExit(EXIT_TIMEOUT)).as("exit code").isEqualTo(SIGTERM_EXIT_CODE);
        assertThat(sinceMillis(terminated)).as("ms from SIGTERM to exit").isGreaterThanOrEqualTo(
                SHUTDOWN_DELAY.toMillis() - 500);
        assertThat(service.output()).contains("task-service stopped in");
    }

    @Test
    void sigtermLetsRequestInFlightFinish() throws Exception {
        try (Connection blocker = database.connect(); Connection observer = database.connect()) {
            // The test's open transaction holds the unique key "slow": the service's INSERT of the same key
            // waits on it, which is a request in flight for as long as the test likes.
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.executeUpdate("INSERT INTO project (project_key, name) VALUES ('slow', 'x')");
            }
            CompletableFuture<HttpResponse<String>> inFlight =
                    service.postApiAsync("/api/projects", "{\"key\":\"slow\",\"name\":\"Slow\"}");
            Eventually.until("the service's INSERT waiting on the test's lock", Duration.ofSeconds(10),
                    () -> waitingOnLock(observer) > 0);

            service.terminate();
            long terminated = System.nanoTime();
            awaitNotReady();

            // Let the shutdown delay pass: the service now drains, held up by the request in flight only.
            Eventually.sleep(SHUTDOWN_DELAY.plusMillis(1500).minusMillis(sinceMillis(terminated)));
            assertThat(service.isAlive()).as("alive while a request is in flight").isTrue();
            assertThat(inFlight).isNotDone();

            blocker.rollback();
            HttpResponse<String> created = inFlight.get(10, TimeUnit.SECONDS);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(service.awaitExit(EXIT_TIMEOUT)).as("exit code").isEqualTo(SIGTERM_EXIT_CODE);
            assertThat(projectExists(observer, "slow")).as("project committed by the drained request").isTrue();
        }
    }

    private HttpResponse<String> awaitNotReady() {
        HttpResponse<String> ready = Eventually.await("readiness DOWN after SIGTERM", Duration.ofSeconds(3), () -> {
            HttpResponse<String> response = service.getManagement("/q/health/ready");
            return response.statusCode() == 503 ? Optional.of(response) : Optional.empty();
        });
        assertThat(HealthPayload.parse(ready.body()).status()).isEqualTo("DOWN");
        Canary.assertAbsent("readiness payload", ready.body());
        return ready;
    }

    private static int waitingOnLock(Connection observer) throws SQLException {
        try (Statement statement = observer.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE wait_event_type = 'Lock' AND query ILIKE 'insert into project%'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static boolean projectExists(Connection observer, String key) throws SQLException {
        try (PreparedStatement statement = observer.prepareStatement("SELECT 1 FROM project WHERE project_key = ?")) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static long sinceMillis(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
