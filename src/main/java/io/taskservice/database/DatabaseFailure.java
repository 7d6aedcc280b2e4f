package io.taskservice.database;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.persistence.OptimisticLockException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * What a database failure means to a caller, read off the exception chain: SQL states for constraint
 * violations, exception types for an unreachable database or a saturated pool.
 *
 * <p>The one place that knows driver exceptions; the API turns each kind into an HTTP status.
 */
public enum DatabaseFailure {
    /** A unique constraint refused a duplicate (SQL state 23505). */
    UNIQUE_VIOLATION,
    /** A foreign key refused a missing or still-referenced row (23503). */
    FOREIGN_KEY_VIOLATION,
    /** A check or not-null constraint refused a value (23514, 23502). */
    CHECK_VIOLATION,
    /** Another transaction changed the row first: optimistic lock, serialization failure, deadlock. */
    CONCURRENT_UPDATE,
    /** The database refused the configured credentials (28P01, 28000). */
    AUTHENTICATION_FAILED,
    /** The database cannot be reached, is shutting down, or no pooled connection came in time. */
    UNAVAILABLE;

    /**
     * Messages of the Vert.x SQL pool's refusals (vertx-sql-client 4.5, SqlConnectionPool): "Timeout" when no
     * connection came within the acquire timeout, "Timeout waiting for connection" from its query path,
     * "Pool closed" during shutdown.
     */
    private static final Set<String> POOL_REFUSALS = Set.of("Timeout", "Timeout waiting for connection", "Pool closed");

    /** Whether {@code failure} (or one of its causes) is a database failure of this kind. */
    public boolean matches(Throwable failure) {
        return of(failure).filter(kind -> kind == this).isPresent();
    }

    /**
     * Classifies {@code failure}, or empty when it is not a database failure we can name.
     *
     * <p>Looks at the whole tree, not only the cause chain: when a connection drops mid-transaction, Mutiny
     * reports the failure and the failed cleanup together ({@code CompositeException: [0] SocketException:
     * Connection reset [1] IllegalStateException: HR000090 ...}), and other layers attach the second failure
     * as a suppressed exception. The first classifiable exception, depth first, wins.
     */
    public static Optional<DatabaseFailure> of(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (failure != null) {
            pending.push(failure);
        }
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            Optional<DatabaseFailure> kind = classify(t);
            if (kind.isPresent()) {
                return kind;
            }
            List<Throwable> next = new ArrayList<>();
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            if (t instanceof CompositeException composite) {
                next.addAll(composite.getCauses());
            }
            next.addAll(List.of(t.getSuppressed()));
            for (int i = next.size() - 1; i >= 0; i--) {
                pending.push(next.get(i)); // pushed in reverse: popped in the order listed
            }
        }
        return Optional.empty();
    }

    private static Optional<DatabaseFailure> classify(Throwable t) {
        if (t instanceof PgException pg && pg.getSqlState() != null) {
            return bySqlState(pg.getSqlState());
        }
        if (t instanceof org.hibernate.exception.ConstraintViolationException violation && violation.getSQLState() != null) {
            return bySqlState(violation.getSQLState());
        }
        // JDBC (Flyway at start-up): "08001" when PostgreSQL cannot be reached, "28P01" for a refused password.
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            Optional<DatabaseFailure> kind = bySqlState(sql.getSQLState());
            if (kind.isPresent()) {
                return kind;
            }
        }
        if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
            return Optional.of(CONCURRENT_UPDATE);
        }
        // SocketException covers ConnectException, NoRouteToHostException and "Connection reset".
        if (t instanceof SocketException || t instanceof UnknownHostException
                || t instanceof ClosedConnectionException || t instanceof JDBCConnectionException
                || t instanceof TimeoutException || t instanceof io.netty.channel.ConnectTimeoutException
                // BoundedDatabaseWorkInterceptor's request timeout (Mutiny's own type, not a j.u.c. TimeoutException)
                || t instanceof io.smallrye.mutiny.TimeoutException
                || t instanceof org.hibernate.QueryTimeoutException // how Hibernate reports 57014 (statement_timeout)
                || isPoolRefusal(t)) {
            return Optional.of(UNAVAILABLE);
        }
        return Optional.empty();
    }

    private static Optional<DatabaseFailure> bySqlState(String state) {
        return switch (state) {
            case "23505" -> Optional.of(UNIQUE_VIOLATION);
            case "23503" -> Optional.of(FOREIGN_KEY_VIOLATION);
            case "23514", "23502" -> Optional.of(CHECK_VIOLATION);
            case "40001", "40P01" -> Optional.of(CONCURRENT_UPDATE);
            case "28P01", "28000" -> Optional.of(AUTHENTICATION_FAILED);
            // 08: connection exceptions; 53300: too many connections; 57P01-57P03: shutdown, crash, cannot connect now.
            case "53300", "57P01", "57P02", "57P03", "57014", "25P03" -> Optional.of(UNAVAILABLE); // 57014, 25P03: statement_timeout, idle_in_transaction_session_timeout
            default -> state.startsWith("08") ? Optional.of(UNAVAILABLE) : Optional.empty();
        };
    }

    /**
     * The Vert.x pool's own refusals: a full wait queue has its exception type; the others arrive as plain
     * {@code NoStackTraceThrowable}s or {@code VertxException}s, known only by their messages.
     */
    private static boolean isPoolRefusal(Throwable t) {
        return t instanceof ConnectionPoolTooBusyException
                || (t instanceof NoStackTraceThrowable || t instanceof VertxException) && POOL_REFUSALS.contains(t.getMessage());
    }
}
