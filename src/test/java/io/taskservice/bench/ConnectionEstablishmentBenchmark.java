package io.taskservice.bench;

import io.taskservice.config.DatabaseSettings;
import io.taskservice.config.DatabaseSettings.Requirements;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.SqlConnection;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Measures how long the reactive client takes to establish one PostgreSQL connection (TCP, startup,
 * authentication) and to run its first query, for docs/operations.md. A benchmark, not a test: run it by
 * hand against the database named by DATABASE_* (see docs/operations.md for the command).
 */
public final class ConnectionEstablishmentBenchmark {

    private static final int WARMUP = 20;
    private static final int RUNS = 200;

    public static void main(String[] args) throws Exception {
        DatabaseSettings settings = DatabaseSettings.resolve(System::getenv, Requirements.LOCAL)
                .orElseThrow(() -> new IllegalStateException("set DATABASE_URL"));
        PgConnectOptions options = new PgConnectOptions()
                .setHost(settings.host()).setPort(settings.port()).setDatabase(settings.name())
                .setUser(settings.user()).setPassword(settings.password() == null ? "" : settings.password())
                .setSslMode(SslMode.of(settings.sslMode().value())).setTrustAll(true);
        Vertx vertx = Vertx.vertx();
        try {
            long[] connect = new long[RUNS];
            long[] firstQuery = new long[RUNS];
            for (int i = -WARMUP; i < RUNS; i++) {
                long start = System.nanoTime();
                SqlConnection connection = PgConnection.connect(vertx, options).toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
                long connected = System.nanoTime();
                connection.query("SELECT 1").execute().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                long queried = System.nanoTime();
                connection.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                if (i >= 0) {
                    connect[i] = connected - start;
                    firstQuery[i] = queried - start;
                }
            }
            System.out.printf("target %s, sslmode=%s, %d connections after %d warm-up%n", settings.address(),
                    settings.sslMode().value(), RUNS, WARMUP);
            report("connect (TCP + startup + auth)", connect);
            report("connect + first query", firstQuery);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-32s median %.2f ms, p95 %.2f ms, max %.2f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
