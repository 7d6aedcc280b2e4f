package io.taskservice.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * A client that gives up on a write while its transaction is open is an ordinary event (issue 6, defect 14):
 * the session is closed mid-transaction, Hibernate Reactive fails that close with HR000090, Mutiny drops it,
 * and Quarkus used to log it as an ERROR with its stack trace. Writes are held inside their transaction by a
 * table lock of the test's own, the clients reset their connections, and nothing may be logged above DEBUG.
 */
@QuarkusTest
class AbortedWriteLogTest {

    private static final int WRITES = 5;

    @TestHTTPResource("/")
    URL base;
    @Inject
    Pool pool;
    @Inject
    MeterRegistry metrics;

    @Test
    void writeAbortedInsideItsTransactionLogsNothingAboveDebug() throws Exception {
        Queue<String> logged = new ConcurrentLinkedQueue<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    logged.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage()
                            + (record.getThrown() == null ? "" : " / " + record.getThrown()));
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
        double resetBefore = resets();
        SqlConnection lock = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        root.addHandler(capture);
        try {
            lock.query("BEGIN").execute().await().atMost(Duration.ofSeconds(10));
            lock.query("LOCK TABLE project IN ACCESS EXCLUSIVE MODE").execute().await().atMost(Duration.ofSeconds(10));
            for (int i = 0; i < WRITES; i++) {
                sendAndAbortAfter("{\"key\":\"aborted-" + i + "\",\"name\":\"x\"}", Duration.ofMillis(700));
            }
            Thread.sleep(500);
        } finally {
            lock.query("COMMIT").execute().await().atMost(Duration.ofSeconds(10));
            lock.close().await().atMost(Duration.ofSeconds(10));
        }
        Thread.sleep(2_000); // the sessions are closed and their transactions rolled back after the lock goes
        root.removeHandler(capture);

        assertThat(resets() - resetBefore).as("writes whose client reset the connection before the answer").isGreaterThanOrEqualTo(WRITES);
        assertThat(logged).as("records at INFO or above").noneMatch(line -> line.contains("HR000090")
                || line.contains("Mutiny had to drop") || line.startsWith("ERROR") || line.startsWith("SEVERE"));
    }

    /** Sends the write, waits while it blocks inside its transaction, then resets the TCP connection. */
    private void sendAndAbortAfter(String body, Duration wait) throws IOException, InterruptedException {
        String request = "POST /api/projects HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoLinger(true, 0); // close() sends RST
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            Thread.sleep(wait);
        }
    }

    private double resets() {
        return metrics.find("http.server.requests").tag("status", "RESET").timers().stream().mapToLong(t -> t.count()).sum();
    }
}
