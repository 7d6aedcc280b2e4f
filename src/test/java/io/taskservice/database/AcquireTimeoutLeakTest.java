package io.taskservice.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Waiters that give up at the acquire timeout must not take pooled connections with them.
 *
 * <p>Vert.x 4.5's pool hands a recycled connection to a queued waiter without marking it served, so the waiter's
 * acquire timer, firing before the hand-over runs, still "cancels" it: the caller is failed with {@code Timeout},
 * the connection then arrives at a promise that is already complete and is never returned (eclipse-vertx/vert.x#6169,
 * fixed in 5.1.3 only). Each such race left the gauges at {@code active +1, queue -1} and one connection fewer for
 * good. Here a pool of 2 takes storms of acquisitions with a 20 ms acquire timeout, so that waiters time out all
 * the while connections are handed over; afterwards both connections must still be usable and the gauges true.
 */
@QuarkusTest
@TestProfile(AcquireTimeoutLeakTest.TinyPoolShortWait.class)
class AcquireTimeoutLeakTest {

    static final int POOL_SIZE = 2;
    static final int ROUNDS = 20;
    static final int ACQUISITIONS_PER_ROUND = 300;

    /** Two connections, room for every waiter, 20 ms of waiting. */
    public static class TinyPoolShortWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.reactive.max-size", Integer.toString(POOL_SIZE),
                    "task-service.pool.max-wait-queue-size", "100000",
                    "task-service.pool.acquire-timeout", "20ms");
        }
    }

    @Inject
    Pool pool;
    @Inject
    MeterRegistry metrics;

    @Test
    void waitersThatTimeOutLeaveEveryConnectionUsable() {
        AtomicInteger served = new AtomicInteger();
        AtomicInteger timedOut = new AtomicInteger();
        for (int round = 0; round < ROUNDS; round++) {
            List<Uni<Void>> storm = new ArrayList<>();
            for (int i = 0; i < ACQUISITIONS_PER_ROUND; i++) {
                storm.add(pool.getConnection()
                        .onItem().transformToUni(connection -> connection.query("SELECT 1").execute()
                                .eventually(connection::close)
                                .invoke(rows -> served.incrementAndGet()))
                        .replaceWithVoid()
                        .onFailure().invoke(failure -> timedOut.incrementAndGet())
                        .onFailure().recoverWithNull());
            }
            Uni.join().all(storm).andFailFast().await().atMost(Duration.ofSeconds(60));
        }
        // The storm really raced: some waiters were served, others gave up.
        assertThat(served.get()).as("acquisitions served").isPositive();
        assertThat(timedOut.get()).as("acquisitions that timed out").isPositive();

        awaitGauges(Duration.ofSeconds(10));
        assertThat(gauge("sql.pool.active")).as("connections in use after the storm").isZero();
        assertThat(gauge("sql.pool.queue.size")).as("waiters after the storm").isZero();
        assertEveryConnectionCanBeHeldAtOnce();
        assertThat(serviceBackends()).as("the service's sessions in PostgreSQL").isLessThanOrEqualTo(POOL_SIZE);
    }

    /** Holds max-size connections at once, each acquired within the 20 ms timeout: none was lost. */
    private void assertEveryConnectionCanBeHeldAtOnce() {
        List<SqlConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i < POOL_SIZE; i++) {
                held.add(pool.getConnection().await().atMost(Duration.ofSeconds(10)));
            }
            assertThat(held).hasSize(POOL_SIZE);
        } finally {
            held.forEach(connection -> connection.close().await().atMost(Duration.ofSeconds(10)));
        }
    }

    private long serviceBackends() {
        return pool.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND application_name = (SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid())")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private void awaitGauges(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && (gauge("sql.pool.active") != 0 || gauge("sql.pool.queue.size") != 0)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private double gauge(String name) {
        Gauge gauge = metrics.find(name).tag("pool.type", "sql").gauge();
        assertThat(gauge).as("metric " + name).isNotNull();
        return gauge.value();
    }
}
