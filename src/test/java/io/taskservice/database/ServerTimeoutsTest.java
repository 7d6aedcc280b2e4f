package io.taskservice.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The server timeouts must stay below the request budget, or the server outlives the client's 503. */
class ServerTimeoutsTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);

    @Test
    void acceptsTimeoutsBelowTheBudget() {
        ServerTimeouts timeouts = ServerTimeouts.within(BUDGET, Duration.ofSeconds(8), Duration.ofSeconds(9));
        assertThat(timeouts.startupParameters())
                .containsEntry("statement_timeout", "8000")
                .containsEntry("idle_in_transaction_session_timeout", "9000");
    }

    @Test
    void refusesStatementTimeoutAtOrAboveTheBudget() {
        assertThatThrownBy(() -> ServerTimeouts.within(BUDGET, BUDGET, Duration.ofSeconds(9)))
                .hasMessageContaining("task-service.pool.statement-timeout").hasMessageContaining("10000ms");
    }

    @Test
    void refusesIdleInTransactionTimeoutAboveTheBudget() {
        assertThatThrownBy(() -> ServerTimeouts.within(BUDGET, Duration.ofSeconds(8), Duration.ofSeconds(30)))
                .hasMessageContaining("task-service.pool.idle-in-transaction-timeout");
    }

    @Test
    void refusesZeroWhichPostgresqlReadsAsNoLimit() {
        assertThatThrownBy(() -> ServerTimeouts.within(BUDGET, Duration.ZERO, Duration.ofSeconds(9)))
                .hasMessageContaining("at least 1ms");
        assertThatThrownBy(() -> ServerTimeouts.within(BUDGET, Duration.ofSeconds(8), Duration.ofNanos(500)))
                .hasMessageContaining("at least 1ms");
    }
}
