package io.taskservice.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * Clients that vanish mid-request must not leak pooled connections (hibernate-reactive#4133 and
 * quarkus#51576 leaked the whole pool this way). A pool of 4 connections serves 1,000 reads and writes
 * from 40 concurrent clients, each of which resets its TCP connection after a random short delay: while
 * its request waits for a connection, runs in a transaction, or is being answered. Afterwards no
 * connection may be in use or waiting, and the pool must still serve max-size + 1 concurrent requests.
 * Nor may the aborts fill the log: nothing about them above DEBUG (they once logged two ERRORs each).
 */
@QuarkusTest
@TestProfile(AbortedRequestsLeakTest.SmallPool.class)
class AbortedRequestsLeakTest {

    static final int POOL_SIZE = 4;
    static final int REQUESTS = 1_000;
    static final int CLIENTS = 40;

    /** A tiny pool with room to queue, so aborts land while requests wait for a connection. */
    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.reactive.max-size", Integer.toString(POOL_SIZE),
                    "task-service.pool.max-wait-queue-size", "1000",
                    "task-service.pool.acquire-timeout", "20s",
                    // Every client reaches the pool: here the aborts, not the admission limit, are under test.
                    "task-service.admission.max-in-flight", "1000");
        }
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    MeterRegistry metrics;
    @Inject
    Pool pool;

    @Test
    void abortedRequestsLeaveNoConnectionInUse() throws Exception {
        assertPoolServesFullCapacity(); // warm-up, so that aborts meet a running server, not a cold one
        // Every record the application logs meanwhile, at any level the console would show (INFO and up).
        Queue<LogRecord> logged = new ConcurrentLinkedQueue<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        AtomicInteger maxQueued = new AtomicInteger();
        AtomicInteger maxActive = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxQueued.accumulateAndGet((int) gauge("sql.pool.queue.size"), Math::max);
                maxActive.accumulateAndGet((int) gauge("sql.pool.active"), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                int n = i;
                sent.add(clients.submit(() -> sendAndAbort(n)));
            }
            for (Future<?> request : sent) {
                request.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        awaitQuiet(Duration.ofSeconds(60));
        sampler.interrupt();
        root.removeHandler(capture);

        assertThat(gauge("sql.pool.active")).as("connections in use after the aborts").isZero();
        assertThat(gauge("sql.pool.queue.size")).as("requests still waiting for a connection").isZero();
        // The aborts really happened under contention: requests were queued for connections meanwhile.
        assertThat(maxActive.get()).as("peak connections in use").isEqualTo(POOL_SIZE);
        assertThat(maxQueued.get()).as("peak requests waiting for a connection").isPositive();
        // The server saw the clients go away before it could answer: the aborts landed mid-flight.
        assertThat(resetRequests()).as("requests whose client reset the connection before the answer").isGreaterThanOrEqualTo(REQUESTS / 2);
        assertThat(idleInTransaction()).as("sessions left idle in a transaction").isZero();
        assertPoolServesFullCapacity();
        // An aborted request is an ordinary event: at most a DEBUG line, never the two ERROR lines
        // ("Mutiny had to drop the following exception", "HR000090: Live transaction detected ...") it once was.
        assertThat(logged).as("records logged at INFO or above while clients aborted %d requests", REQUESTS)
                .extracting(record -> record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage()
                        + (record.getThrown() == null ? "" : " / " + record.getThrown()))
                .noneMatch(line -> line.contains("HR000090") || line.contains("Mutiny had to drop") || line.startsWith("ERROR")
                        || line.startsWith("SEVERE"));
    }

    /** Sends a read or a write, then resets the connection after 0-15 ms without reading the answer. */
    private void sendAndAbort(int n) {
        String request = n % 2 == 0
                ? "GET /api/projects?size=200 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                : post("{\"key\":\"leak-" + n + "-" + ThreadLocalRandom.current().nextInt(1_000_000) + "\",\"name\":\"x\"}");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoLinger(true, 0); // close() sends RST: the client is gone, as when a browser tab closes
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(ThreadLocalRandom.current().nextInt(16));
        } catch (IOException | InterruptedException e) {
            // The server may already have answered and closed; either way the client is gone.
        }
    }

    private static String post(String body) {
        return "POST /api/projects HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** max-size + 1 concurrent complete requests all succeed: every connection is back in the pool. */
    private void assertPoolServesFullCapacity() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(POOL_SIZE + 1);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < POOL_SIZE + 1; i++) {
                answers.add(clients.submit(() -> statusLine("GET /api/projects?size=500 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo("HTTP/1.1 200 OK");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private String statusLine(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    private long idleInTransaction() {
        return pool.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND state = 'idle in transaction' AND pid <> pg_backend_pid()")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private double gauge(String name) {
        Gauge gauge = metrics.find(name).tag("pool.type", "sql").gauge();
        assertThat(gauge).as("metric " + name).isNotNull();
        return gauge.value();
    }

    private double resetRequests() {
        return metrics.find("http.server.requests").tag("status", "RESET").timers().stream().mapToLong(t -> t.count()).sum();
    }

    /**
     * Waits until the server has worked through the backlog: nothing in use or queued, and no pool
     * acquisition for a whole second (the clients are long gone by then; their requests may not be).
     */
    private void awaitQuiet(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        double acquired = -1;
        while (System.nanoTime() < deadline) {
            double now = metrics.find("sql.pool.completed").tag("pool.type", "sql").counter().count();
            if (now == acquired && gauge("sql.pool.active") == 0 && gauge("sql.pool.queue.size") == 0) {
                return;
            }
            acquired = now;
            Thread.sleep(1000);
        }
    }
}
