package io.taskservice.database;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL itself stops work the request budget has given up on: on every pooled connection,
 * {@code statement_timeout} cancels a long statement and {@code idle_in_transaction_session_timeout} ends an idle
 * transaction, both before the request timeout. Short values (1 s, 4 s, budget 8 s) keep the test quick; the idle timeout
 * leaves room for a cold JVM loading classes between two statements of one transaction.
 */
@QuarkusTest
@TestProfile(ServerTimeoutsDatabaseTest.ShortTimeouts.class)
class ServerTimeoutsDatabaseTest {

    static final Duration BUDGET = Duration.ofSeconds(8);

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "task-service.database.request-timeout", "8s",
                    "task-service.pool.statement-timeout", "1s",
                    "task-service.pool.idle-in-transaction-timeout", "4s");
        }
    }

    @Inject
    Pool pool;
    @Inject
    AgroalDataSource jdbc;

    @Test
    void everyPooledConnectionCarriesBothTimeoutsEvenAfterReset() {
        // As many connections as the pool holds, at once: none may lack the settings.
        var shows = java.util.stream.IntStream.range(0, 20).mapToObj(i -> pool.withConnection(c ->
                c.query("RESET ALL").execute().chain(() -> c.query(
                        "SELECT current_setting('statement_timeout'), current_setting('idle_in_transaction_session_timeout')").execute())
                        .map(rows -> rows.iterator().next().getString(0) + " " + rows.iterator().next().getString(1)))).toList();
        var values = Uni.join().all(shows).andFailFast().await().atMost(Duration.ofSeconds(20));
        assertThat(values).hasSize(20).containsOnly("1s 4s");
    }

    @Test
    void serverCancelsAStatementThatOutlivesTheStatementTimeout() {
        long start = System.nanoTime();
        Throwable failure = catchThrowable(() -> pool.query("SELECT pg_sleep(5)").execute().await().atMost(Duration.ofSeconds(10)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(failure).isInstanceOf(PgException.class);
        assertThat(((PgException) failure).getSqlState()).isEqualTo("57014");
        assertThat(DatabaseFailure.of(failure)).contains(DatabaseFailure.UNAVAILABLE);
        assertThat(took).isLessThan(BUDGET);
        assertThat(sessions("active", "pg_sleep(5)")).isZero();
    }

    @Test
    void serverEndsATransactionLeftIdle() {
        Throwable failure = catchThrowable(() -> pool.withTransaction(c -> c.query("SELECT 'idle-marker'").execute()
                        .onItem().delayIt().by(Duration.ofMillis(4_500))
                        .chain(() -> c.query("SELECT 2").execute()))
                .await().atMost(Duration.ofSeconds(10)));

        // The server ended the session (25P03): the next statement finds the connection closed.
        assertThat(failure).as("the second statement of a transaction idle for longer than 4 s").isNotNull();
        assertThat(sessions("idle in transaction", "idle-marker")).isZero();
    }

    /**
     * The defect: a write blocked on a lock answered 503 at the budget while PostgreSQL kept it waiting, ready to
     * commit once the lock went away. Now the server cancels it first, the client gets 503 with Retry-After, and no
     * statement is left running.
     */
    @Test
    void blockedWriteIsCancelledByTheServerBeforeTheBudget() throws Exception {
        String project = "stmt-timeout-" + System.nanoTime();
        given().contentType(ContentType.JSON).body(Map.of("key", project, "name", "p"))
                .post("/api/projects").then().statusCode(201);
        // Warm the path up first, so that the timing below measures the database, not class loading (the answer of
        // this first call does not matter: on a cold, busy JVM it may itself exceed a server timeout).
        given().contentType(ContentType.JSON).body(Map.of("name", "warm")).post("/api/projects/{p}/tags", project);

        try (Connection locker = jdbc.getConnection()) {
            locker.setAutoCommit(false);
            try (PreparedStatement lock = locker.prepareStatement("SELECT id FROM project WHERE project_key = ? FOR UPDATE")) {
                lock.setString(1, project);
                lock.executeQuery().close();
            }
            long start = System.nanoTime();
            // Inserting a tag checks its foreign key with FOR KEY SHARE on the project row: it waits for the lock.
            Response answer = given().contentType(ContentType.JSON).body(Map.of("name", "blocked"))
                    .post("/api/projects/{p}/tags", project);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).isNotBlank();
            assertThat(took).as("answered by the server's cancel, not the budget").isLessThan(BUDGET);
            assertThat(sessions("active", "insert into tag")).as("statements still running after the 503").isZero();
            locker.rollback();
        }
        given().get("/api/projects/{p}/tags/blocked", project).then().statusCode(404);
    }

    /** Server sessions in {@code state} whose current or last statement contains {@code text}. */
    private long sessions(String state, String text) {
        return pool.preparedQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid() AND state = $1 AND position($2 in lower(query)) > 0"
                        + " AND query NOT LIKE '%pg_stat_activity%'")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(state, text.toLowerCase()))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }
}
