package io.taskservice.database;

import java.time.Duration;
import java.util.Map;

/**
 * The server-side bounds of a pooled connection, checked against the request budget: PostgreSQL's
 * {@code statement_timeout} and {@code idle_in_transaction_session_timeout}. The request timeout fails the
 * client's {@code Uni}, but a statement already sent keeps running on the server, and a COMMIT it did not see may
 * still succeed; with both server timeouts below the budget, the server has given up on the work before the
 * client answers 503.
 */
public record ServerTimeouts(Duration statement, Duration idleInTransaction) {

    /** Checks both against {@code requestTimeout}: each at least 1 ms (PostgreSQL's unit) and below it. */
    public static ServerTimeouts within(Duration requestTimeout, Duration statement, Duration idleInTransaction) {
        check("task-service.pool.statement-timeout", statement, requestTimeout);
        check("task-service.pool.idle-in-transaction-timeout", idleInTransaction, requestTimeout);
        return new ServerTimeouts(statement, idleInTransaction);
    }

    /** The startup parameters that set them for the whole session, in milliseconds. */
    public Map<String, String> startupParameters() {
        return Map.of(
                "statement_timeout", Long.toString(statement.toMillis()),
                "idle_in_transaction_session_timeout", Long.toString(idleInTransaction.toMillis()));
    }

    private static void check(String name, Duration value, Duration requestTimeout) {
        if (value.toMillis() < 1 || value.compareTo(requestTimeout) >= 0) {
            throw new IllegalArgumentException(name + " must be at least 1ms and below task-service.database.request-timeout ("
                    + requestTimeout.toMillis() + "ms), got " + value.toMillis() + "ms");
        }
    }
}
