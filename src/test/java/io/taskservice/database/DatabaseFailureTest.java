package io.taskservice.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import io.smallrye.mutiny.CompositeException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DatabaseFailureTest {

    private static PgException pg(String sqlState) {
        return new PgException("message", "ERROR", sqlState, "detail");
    }

    @ParameterizedTest
    @CsvSource({
        "23505, UNIQUE_VIOLATION",
        "23503, FOREIGN_KEY_VIOLATION",
        "23514, CHECK_VIOLATION",
        "23502, CHECK_VIOLATION",
        "40001, CONCURRENT_UPDATE",
        "40P01, CONCURRENT_UPDATE",
        "28P01, AUTHENTICATION_FAILED",
        "28000, AUTHENTICATION_FAILED",
        "08006, UNAVAILABLE",
        "53300, UNAVAILABLE",
        "57P01, UNAVAILABLE",
        "57P03, UNAVAILABLE"
    })
    void classifiesSqlStates(String sqlState, DatabaseFailure expected) {
        assertThat(DatabaseFailure.of(pg(sqlState))).contains(expected);
    }

    @Test
    void matchesOnlyItsOwnKind() {
        Throwable duplicate = new CompletionException(pg("23505"));
        assertThat(DatabaseFailure.UNIQUE_VIOLATION.matches(duplicate)).isTrue();
        assertThat(DatabaseFailure.CONCURRENT_UPDATE.matches(duplicate)).isFalse();
        assertThat(DatabaseFailure.UNIQUE_VIOLATION.matches(new IllegalStateException())).isFalse();
    }

    @Test
    void leavesOtherSqlStatesUnclassified() {
        assertThat(DatabaseFailure.of(pg("42601"))).isEmpty(); // syntax error: a bug, not a user-facing condition
    }

    @Test
    void findsTheCauseInsideWrappers() {
        Throwable wrapped = new CompletionException(new HibernateException("flush failed", pg("23505")));
        assertThat(DatabaseFailure.of(wrapped)).contains(DatabaseFailure.UNIQUE_VIOLATION);
    }

    @Test
    void poolRefusalsAreUnavailable() {
        assertThat(DatabaseFailure.of(new NoStackTraceThrowable("Timeout"))).contains(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.of(new NoStackTraceThrowable("Pool closed"))).contains(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.of(new VertxException("Timeout waiting for connection", true))).contains(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.of(new ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 1")))
                .contains(DatabaseFailure.UNAVAILABLE);
    }

    @Test
    void unreachableDatabaseIsUnavailable() {
        assertThat(DatabaseFailure.of(new CompletionException(new ConnectException("Connection refused")))).contains(DatabaseFailure.UNAVAILABLE);
    }

    /** The shape a write got when the database restarted under it (issue 6, defect 10): it answered 500. */
    @Test
    void connectionResetInsideCompositeIsUnavailable() {
        Throwable reset = new CompositeException(new SocketException("Connection reset"),
                new IllegalStateException("HR000090: Live transaction detected while closing the connection"));
        assertThat(DatabaseFailure.of(reset)).contains(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.of(new CompletionException(reset))).contains(DatabaseFailure.UNAVAILABLE);
    }

    @Test
    void compositeIsReadInOrderOfItsCauses() {
        Throwable failures = new CompositeException(new IllegalStateException("HR000090"), pg("57P01"), pg("23505"));
        assertThat(DatabaseFailure.of(failures)).contains(DatabaseFailure.UNAVAILABLE);
    }

    @Test
    void suppressedFailuresAreRead() {
        IllegalStateException cleanup = new IllegalStateException("HR000090: Live transaction detected while closing the connection");
        cleanup.addSuppressed(ClosedConnectionException.INSTANCE);
        assertThat(DatabaseFailure.of(new CompletionException(cleanup))).contains(DatabaseFailure.UNAVAILABLE);
    }

    @Test
    void terminatedSessionIsUnavailable() {
        Throwable terminated = new CompositeException(
                new PgException("terminating connection due to administrator command", "FATAL", "57P01", null),
                new IllegalStateException("HR000090: Live transaction detected while closing the connection"));
        assertThat(DatabaseFailure.of(terminated)).contains(DatabaseFailure.UNAVAILABLE);
    }

    @Test
    void cleanupFailureAloneStaysUnclassified() {
        // HR000090 alone says a session was closed mid-transaction, not why: without a cause it may be a bug.
        assertThat(DatabaseFailure.of(new IllegalStateException("HR000090: Live transaction detected while closing the connection")))
                .isEmpty();
    }

    @Test
    void requestTimeoutIsUnavailable() {
        assertThat(DatabaseFailure.of(new io.smallrye.mutiny.TimeoutException())).contains(DatabaseFailure.UNAVAILABLE);
    }

    @Test
    void optimisticLockIsConcurrentUpdate() {
        assertThat(DatabaseFailure.of(new OptimisticLockException("stale"))).contains(DatabaseFailure.CONCURRENT_UPDATE);
    }

    @Test
    void unrelatedFailuresStayUnclassified() {
        assertThat(DatabaseFailure.of(new NoStackTraceThrowable("something else"))).isEmpty();
        assertThat(DatabaseFailure.of(new IllegalStateException("Timeout"))).isEmpty();
        assertThat(DatabaseFailure.of(new NullPointerException())).isEmpty();
    }

    @Test
    void survivesCyclesThroughSuppressedFailures() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertThat(DatabaseFailure.of(b)).isEmpty();
    }

    @Test
    void survivesSelfReferentialCauses() {
        RuntimeException loop = new RuntimeException("loop") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };
        assertThat(DatabaseFailure.of(loop)).isEmpty();
    }
}
