package io.taskservice.database;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Requests answered {@code 503}, because the database is unavailable or because the service already has as many
 * requests in flight as it admits: counted in {@code task_service_requests_shed_total{reason}} and summarised in at
 * most one log line per interval.
 *
 * <p>A WARN per refused request turned one overload burst into 32,270 lines (13.8 MB, up to 3,458 a second)
 * that buried everything else; a shed request is an expected answer under load, the metric is where its
 * rate belongs, and the summary line tells the operator it is happening and how much.
 */
@ApplicationScoped
public class ShedRequests {

    static final String METRIC = "task_service.requests.shed";
    static final String OVER_CAPACITY = "over_capacity";
    private static final Logger LOG = Logger.getLogger(ShedRequests.class);

    private final Map<DatabaseFailure, Counter> counters = new EnumMap<>(DatabaseFailure.class);
    private final Counter overCapacity;
    private final Vertx vertx;
    private final long intervalNanos;
    private final AtomicLong sinceLastLine = new AtomicLong();
    private final AtomicLong overCapacitySinceLastLine = new AtomicLong();
    private final AtomicLong lastLineNanos;
    private final AtomicBoolean summaryScheduled = new AtomicBoolean();

    public ShedRequests(MeterRegistry registry, Vertx vertx,
            @ConfigProperty(name = "task-service.log.shed-summary-interval") Duration interval) {
        this.vertx = vertx;
        this.intervalNanos = interval.toNanos();
        this.lastLineNanos = new AtomicLong(System.nanoTime() - intervalNanos);
        for (DatabaseFailure kind : new DatabaseFailure[] {DatabaseFailure.UNAVAILABLE, DatabaseFailure.AUTHENTICATION_FAILED}) {
            counters.put(kind, Counter.builder(METRIC)
                    .description("Requests answered 503 because the database was unavailable, busy or refused the credentials")
                    .tag("reason", reason(kind))
                    .register(registry));
        }
        overCapacity = Counter.builder(METRIC)
                .description("Requests answered 503 because as many requests as admitted were already in flight")
                .tag("reason", OVER_CAPACITY)
                .register(registry);
    }

    /** Counts one request shed because of {@code kind}; logs a summary when the interval since the last one is over. */
    public void record(DatabaseFailure kind) {
        counters.getOrDefault(kind, counters.get(DatabaseFailure.UNAVAILABLE)).increment();
        sinceLastLine.incrementAndGet();
        summariseWhenDue();
    }

    /** Counts one request refused at admission, before it reached the pool (see api/RequestAdmission). */
    public void recordOverCapacity() {
        overCapacity.increment();
        overCapacitySinceLastLine.incrementAndGet();
        summariseWhenDue();
    }

    private void summariseWhenDue() {
        long now = System.nanoTime();
        long last = lastLineNanos.get();
        if (now - last >= intervalNanos && lastLineNanos.compareAndSet(last, now)) {
            summarise(now - last);
        } else if (summaryScheduled.compareAndSet(false, true)) {
            // The count since the last line is logged at the end of this interval, even if no request follows.
            long delayMillis = Math.max(1, (last + intervalNanos - now) / 1_000_000);
            vertx.setTimer(delayMillis, id -> {
                summaryScheduled.set(false);
                long at = System.nanoTime();
                summarise(at - lastLineNanos.getAndSet(at));
            });
        }
    }

    private void summarise(long sinceNanos) {
        long database = sinceLastLine.getAndSet(0);
        long admission = overCapacitySinceLastLine.getAndSet(0);
        long seconds = Math.max(1, Duration.ofNanos(sinceNanos).toSeconds());
        if (database > 0) {
            LOG.warnf("Database unavailable: %d request(s) answered 503 in the last %d s (metric task_service_requests_shed_total)",
                    database, seconds);
        }
        if (admission > 0) {
            LOG.warnf("Over capacity: %d request(s) answered 503 at admission in the last %d s, the in-flight limit reached"
                    + " (metric task_service_requests_shed_total{reason=\"over_capacity\"})", admission, seconds);
        }
    }

    static String reason(DatabaseFailure kind) {
        return kind == DatabaseFailure.AUTHENTICATION_FAILED ? "database_authentication_failed" : "database_unavailable";
    }
}
