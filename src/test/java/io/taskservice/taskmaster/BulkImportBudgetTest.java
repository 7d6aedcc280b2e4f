package io.taskservice.taskmaster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * An import may outlast the request budget sized for single-row requests (a large file on a busy machine, as in a
 * CI run where a 10,000-task import got 503): it runs with {@code task-service.database.bulk-timeout}, and its
 * transaction raises PostgreSQL's statement and idle timeouts for itself. Other requests keep the short budget.
 * Short budgets here (2 s, server timeouts 1 s and 1.5 s) and a row lock held for 5 s make both sides certain.
 */
@QuarkusTest
@TestProfile(BulkImportBudgetTest.ShortBudget.class)
class BulkImportBudgetTest {

    static final Duration LOCK_HELD = Duration.ofSeconds(5);

    public static class ShortBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "task-service.database.request-timeout", "2s",
                    "task-service.pool.statement-timeout", "1s",
                    "task-service.pool.idle-in-transaction-timeout", "1500ms",
                    "task-service.database.bulk-timeout", "30s");
        }
    }

    @Inject
    Pool pool;

    @Test
    void anImportWaitsBeyondTheRequestBudgetWhereASingleRowWriteGets503() throws Exception {
        String project = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"key\":\"" + project + "\",\"name\":\"p\"}").post("/api/projects")
                .then().statusCode(201);

        // A single-row write that needs the locked row: past the 2 s budget it is a 503, as before.
        CompletableFuture<Void> lock = holdProjectRow(project);
        Response rename = given().contentType(ContentType.JSON).body("{\"name\":\"renamed\"}").put("/api/projects/" + project);
        assertThat(rename.statusCode()).as(rename.asString()).isEqualTo(503);
        lock.get();

        // An import that needs the same row (a new tag references it) waits for the lock, and succeeds.
        lock = holdProjectRow(project);
        long start = System.nanoTime();
        Response imported = given().contentType(ContentType.JSON)
                .body("{\"master\":{\"tasks\":[{\"id\":1,\"title\":\"t\",\"description\":\"d\",\"status\":\"pending\","
                        + "\"dependencies\":[],\"subtasks\":[]}]}}")
                .post("/api/projects/" + project + "/import");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        lock.get();
        assertThat(imported.statusCode()).as(imported.asString()).isEqualTo(201);
        assertThat(took).as("the import waited for the lock, beyond the 2 s request budget").isGreaterThan(Duration.ofMillis(3000));
        assertThat(imported.jsonPath().getInt("tags[0].tasks")).isEqualTo(1);
        // Committed: the same file again is a conflict (without replace), not a second import.
        given().contentType(ContentType.JSON).body("{\"master\":{\"tasks\":[]}}").post("/api/projects/" + project + "/import")
                .then().statusCode(409);
    }

    /** Locks the project's row for {@link #LOCK_HELD} on a connection of its own; completes when released. */
    private CompletableFuture<Void> holdProjectRow(String project) throws InterruptedException {
        CompletableFuture<Void> held = pool.withTransaction(c -> c
                        // This connection is the pool's too: lift its own 1 s statement timeout for the sleep.
                        .query("SET LOCAL statement_timeout = 0").execute()
                        .chain(() -> c.preparedQuery("SELECT id FROM project WHERE project_key = $1 FOR UPDATE")
                                .execute(Tuple.of(project)))
                        .chain(() -> c.query("SELECT pg_sleep(" + LOCK_HELD.toMillis() / 1000.0 + ")").execute()))
                .replaceWithVoid().subscribeAsCompletionStage();
        Thread.sleep(300); // the lock is taken before the request is sent
        return held;
    }
}
