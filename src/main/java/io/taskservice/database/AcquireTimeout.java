package io.taskservice.database;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The wait for a pooled connection, bounded here ({@code task-service.pool.acquire-timeout}) instead of by the
 * Vert.x pool's own connection timeout, which loses connections under overload.
 *
 * <p>Vert.x 4.5's {@code SimpleConnectionPool} hands a recycled connection to a queued waiter ({@code Recycle},
 * {@code ConnectSuccess}) without marking the waiter disposed; when the waiter's acquire timer fires before that
 * hand-over has run, {@code Cancel} still reports it cancelled, {@code SqlConnectionPool} fails the caller with
 * {@code Timeout}, and the connection then reaches a promise that is already complete: nobody ever returns it. The
 * gauges read {@code active +1, queue -1} and the pool is one connection smaller for good, while PostgreSQL shows the
 * session idle (eclipse-vertx/vert.x#6169, fixed in Vert.x 5.1.3, not in 4.5.x; AcquireTimeoutLeakTest reproduces
 * it). The pool is therefore built without a connection timeout, so it never cancels a waiter, and exactly one of
 * two things completes the caller: the connection, or this timer. A connection that arrives after the timer went
 * off is closed at once, which returns it to the pool.
 *
 * <p>The price: a waiter that gave up keeps its place in the pool's wait queue (it counts against
 * {@code max-wait-queue-size} and in {@code sql_pool_queue_size}) until a connection reaches it and goes straight
 * back. The admission limit in front of the pool keeps that queue short.
 */
final class AcquireTimeout {

    private final Vertx vertx;
    private final long millis;

    AcquireTimeout(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.millis = timeout.toMillis();
    }

    /** {@code acquiring}, failed with a {@link TimeoutException} if no connection comes in time. */
    Future<SqlConnection> bound(Future<SqlConnection> acquiring) {
        if (millis <= 0) {
            return acquiring; // as with Vert.x: 0 waits as long as it takes
        }
        Promise<SqlConnection> answer = Promise.promise();
        // Set from the caller's context, the timer fires on it: Hibernate Reactive sees its failure where it asked.
        long timer = vertx.setTimer(millis, id -> answer.tryFail(new NoConnectionInTime(millis)));
        acquiring.onComplete(acquired -> {
            vertx.cancelTimer(timer);
            if (acquired.failed()) {
                answer.tryFail(acquired.cause());
            } else if (!answer.tryComplete(acquired.result())) {
                acquired.result().close(); // the caller gave up: give the connection back
            }
        });
        return answer.future();
    }

    /** No connection within the acquire timeout; {@link DatabaseFailure} reads it as {@code UNAVAILABLE}. */
    static final class NoConnectionInTime extends TimeoutException {

        NoConnectionInTime(long millis) {
            super("No pooled connection within " + millis + " ms");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // an expected answer under load, thousands a second: no stack trace to fill
        }
    }
}
