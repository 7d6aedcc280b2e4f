package io.taskservice.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.taskservice.support.ApiFixtures;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A POST with an {@code Idempotency-Key} has its effect once: a retry gets the first answer again, whether the
 * first answer reached the client or not, and concurrent duplicates wait for the first and share its answer.
 * Tasks without an id are numbered by the service, so every execution of "create a task" creates a new one: a
 * count of the tag's tasks shows how often the effect happened.
 */
@QuarkusTest
class IdempotencyResourceTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Pool pool;

    private String project;
    private String tasks;

    @BeforeEach
    void createTag() {
        project = ApiFixtures.projectWithMasterTag("idem");
        tasks = ApiFixtures.masterTasks(project);
    }

    private static Response post(String path, String key, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        return (key == null ? request : request.header(IdempotencyKey.HEADER, key)).post(path);
    }

    private long taskCount() {
        return given().get(tasks).then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static void assertSameAnswer(Response replay, Response first) {
        assertThat(replay.statusCode()).isEqualTo(first.statusCode());
        assertThat(replay.asString()).isEqualTo(first.asString());
        for (String header : List.of("Location", "ETag", "Content-Type")) {
            assertThat(replay.header(header)).as(header).isEqualTo(first.header(header));
        }
    }

    @Test
    void retryOfATaskReplaysTheFirstAnswerAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        Response first = post(tasks, key, "{\"title\":\"Once\"}");
        first.then().statusCode(201).body("id", equalTo("1"));
        assertThat(first.header("ETag")).isNotNull();
        assertThat(first.header("Location")).endsWith(tasks + "/1");

        for (int i = 0; i < 3; i++) {
            assertSameAnswer(post(tasks, key, "{\"title\":\"Once\"}"), first);
        }
        assertThat(taskCount()).isEqualTo(1);
        // The ETag replayed is the one the task still has.
        given().get(tasks + "/1").then().statusCode(200).header("ETag", first.header("ETag"));
    }

    @Test
    void everyPostOfTheApiReplays() {
        String otherProject = "idem-p-" + UUID.randomUUID().toString().substring(0, 8);
        List<String[]> posts = List.of(
                new String[] {"/api/projects", "{\"key\":\"" + otherProject + "\",\"name\":\"P\"}"},
                new String[] {"/api/projects/" + project + "/tags", "{\"name\":\"second\"}"},
                new String[] {tasks, "{\"title\":\"A\"}"},
                new String[] {tasks, "{\"title\":\"B\"}"},
                new String[] {tasks + "/2/dependencies", "{\"dependsOn\":\"1\"}"},
                new String[] {"/api/projects/" + project + "/import", "{\"imported\": {\"tasks\": [{\"id\": 1, \"title\": \"I\"}]}}"});
        for (String[] call : posts) {
            String key = UUID.randomUUID().toString();
            Response first = post(call[0], key, call[1]);
            assertThat(first.statusCode()).as(call[0]).isEqualTo(201);
            Response replay = post(call[0], key, call[1]);
            assertSameAnswer(replay, first);
            if (call[0].endsWith("/dependencies")) { // the ETag replayed is the task's version after the change
                given().get(tasks + "/2").then().statusCode(200).header("ETag", first.header("ETag"));
            }
        }
        // Without the keys, the second POST of each would have been a 409 (project, tag, dependency, import) or a
        // second task; with them, each effect happened once.
        assertThat(taskCount()).isEqualTo(2);
        given().get("/api/projects/" + project + "/tags").then().statusCode(200).body("size()", equalTo(3));
    }

    @Test
    void sameKeyWithAnotherRequestIsRefusedWith422() {
        String key = UUID.randomUUID().toString();
        post(tasks, key, "{\"title\":\"One\"}").then().statusCode(201);

        post(tasks, key, "{\"title\":\"Other\"}").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/idempotency-key-reused"))
                .body("errors[0].field", equalTo(IdempotencyKey.HEADER));
        // Same body, other query.
        post("/api/projects/" + project + "/tags/master/tasks?x=1", key, "{\"title\":\"One\"}").then().statusCode(422);
        assertThat(taskCount()).isEqualTo(1);
    }

    @Test
    void malformedKeysAreRefusedWith400() throws IOException {
        assertThat(rawStatus(tasks, "", "{\"title\":\"T\"}")).as("empty key").isEqualTo(400);
        post(tasks, "tab\there", "{\"title\":\"T\"}").then().statusCode(400).body("errors[0].field", equalTo(IdempotencyKey.HEADER));
        post(tasks, "x".repeat(256), "{\"title\":\"T\"}").then().statusCode(400);
        post(tasks, "x".repeat(255), "{\"title\":\"T\"}").then().statusCode(201);
        assertThat(taskCount()).isEqualTo(1);
    }

    @Test
    void withoutTheHeaderEveryPostExecutes() {
        post(tasks, null, "{\"title\":\"Same\"}").then().statusCode(201).body("id", equalTo("1"));
        post(tasks, null, "{\"title\":\"Same\"}").then().statusCode(201).body("id", equalTo("2"));
        assertThat(taskCount()).isEqualTo(2);
    }

    @Test
    void failedRequestsAreNotRemembered() {
        String key = UUID.randomUUID().toString();
        // 422: the dependency does not exist yet. The transaction rolled back, the key with it.
        post(tasks, key, "{\"id\":\"5\",\"title\":\"T\",\"dependencies\":[\"4\"]}").then().statusCode(422);
        post(tasks, null, "{\"id\":\"4\",\"title\":\"Dependency\"}").then().statusCode(201);
        post(tasks, key, "{\"id\":\"5\",\"title\":\"T\",\"dependencies\":[\"4\"]}").then().statusCode(201);
        assertThat(taskCount()).isEqualTo(2);
    }

    @Test
    void concurrentDuplicatesCreateOneTaskAndShareItsAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        int clients = 20;
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(threads.submit((Callable<Response>) () -> {
                    start.await();
                    return post(tasks, key, "{\"title\":\"Concurrent\"}");
                }));
            }
            start.countDown();
            Response first = answers.getFirst().get(60, TimeUnit.SECONDS);
            assertThat(first.statusCode()).isEqualTo(201);
            for (Future<Response> answer : answers) {
                assertSameAnswer(answer.get(60, TimeUnit.SECONDS), first);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(taskCount()).isEqualTo(1);
    }

    @Test
    void expiredKeyExecutesAgainAndIsPurged() throws InterruptedException {
        String key = UUID.randomUUID().toString();
        post(tasks, key, "{\"title\":\"Expiring\"}").then().statusCode(201).body("id", equalTo("1"));
        age(key, Duration.ofHours(23));
        post(tasks, key, "{\"title\":\"Expiring\"}").then().statusCode(201).body("id", equalTo("1"));
        age(key, Duration.ofHours(24).plusSeconds(1));
        post(tasks, key, "{\"title\":\"Expiring\"}").then().statusCode(201).body("id", equalTo("2"));
        assertThat(taskCount()).isEqualTo(2);

        // The periodic purge deletes expired records, and only those.
        String other = UUID.randomUUID().toString();
        post(tasks, other, "{\"title\":\"Kept\"}").then().statusCode(201);
        age(key, Duration.ofHours(25));
        purge.purge(); // what the timer runs every purge-interval
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (exists(key) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(exists(key)).as("expired record after the purge").isFalse();
        assertThat(exists(other)).as("fresh record after the purge").isTrue();
    }

    @Inject
    ExpiredKeyPurge purge;

    /**
     * The client sends the POST and is gone (TCP reset) without reading the answer: the server may have committed or
     * rolled back. The retry with the same key must find exactly one effect either way. Half of the clients vanish
     * after a short delay (before, during or after the work), half only once the key's record has committed: a
     * COMMIT whose answer the client never saw.
     */
    @Test
    void commitTheClientDidNotSeeIsReplayedNotRepeated() throws Exception {
        int keys = 20;
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            String key = UUID.randomUUID().toString();
            sent.add(key);
            long abortAt = System.nanoTime() + Duration.ofMillis(i * 3L).toNanos();
            BooleanSupplier abortWhen = i % 2 == 0 ? () -> System.nanoTime() >= abortAt : () -> exists(key);
            sendAndAbort(tasks, key, "{\"title\":\"Vanished " + i + "\"}", abortWhen);
        }
        // Let the server finish (or cancel) what the vanished clients left behind.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (activeWrites() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(activeWrites()).as("sessions still running or idle in a transaction after the aborts").isZero();
        int committedUnseen = 0;
        for (int i = 0; i < keys; i++) {
            String key = sent.get(i);
            if (exists(key)) {
                committedUnseen++;
            }
            post(tasks, key, "{\"title\":\"Vanished " + i + "\"}").then().statusCode(201);
        }
        assertThat(taskCount()).as("one task per key").isEqualTo(keys);
        assertThat(committedUnseen).as("requests committed although their client never read the answer")
                .isGreaterThanOrEqualTo(keys / 2);
    }

    /** Sends the POST, waits until {@code abortWhen} holds (at most 10 s), then resets the connection unread. */
    private void sendAndAbort(String path, String key, String body, BooleanSupplier abortWhen) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoLinger(true, 0); // close() sends RST: the client is gone without reading the answer
            OutputStream out = socket.getOutputStream();
            out.write(request(path, key, body));
            out.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!abortWhen.getAsBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (IOException e) {
            // The server may already have answered and closed; either way the client is gone.
        }
    }

    /** The status of a POST sent as raw HTTP (RestAssured leaves out a header with an empty value). */
    private int rawStatus(String path, String key, String body) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(request(path, key, body));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static byte[] request(String path, String key, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + IdempotencyKey.HEADER + ": " + key + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n"
                + body).getBytes(StandardCharsets.UTF_8);
    }

    private long activeWrites() {
        return pool.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')")
                .execute().await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    /** Makes the key's record {@code age} old. */
    private void age(String key, Duration age) {
        pool.preparedQuery("UPDATE idempotency_key SET created_at = now() - make_interval(secs => $2) WHERE idempotency_key = $1")
                .execute(Tuple.of(key, (double) age.toSeconds())).await().atMost(Duration.ofSeconds(5));
    }

    private boolean exists(String key) {
        return pool.preparedQuery("SELECT 1 FROM idempotency_key WHERE idempotency_key = $1 AND status IS NOT NULL")
                .execute(Tuple.of(key)).await().atMost(Duration.ofSeconds(5)).size() == 1;
    }
}
