package io.taskservice.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * The pool settings Quarkus has no property for (see {@link BoundedPoolCreator}). The others live under
 * {@code quarkus.datasource.reactive.*}; docs/configuration.md explains every default.
 */
@ConfigMapping(prefix = "task-service.pool")
public interface PoolSettings {

    /** How long a request waits for a pooled connection before it fails (503) instead of hanging. */
    @WithDefault("5s")
    Duration acquireTimeout();

    /** How many requests may wait for a connection at once; beyond that they fail at once (503). */
    @WithDefault("200")
    @Min(1)
    int maxWaitQueueSize();

    /** TCP connect timeout for a new connection to PostgreSQL. */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * PostgreSQL's {@code statement_timeout} on every pooled connection: the server cancels a statement that runs
     * longer, so it stops working when the request budget has given up on it. Below the request timeout.
     */
    @WithDefault("8s")
    Duration statementTimeout();

    /**
     * PostgreSQL's {@code idle_in_transaction_session_timeout} on every pooled connection: the server ends a session
     * whose transaction waits this long for its next statement, releasing its locks. Below the request timeout.
     */
    @WithDefault("9s")
    Duration idleInTransactionTimeout();
}
