package io.taskservice.database;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CancellationException;
import org.jboss.logging.Logger;

/**
 * Failures Mutiny drops because nobody waits for them any more, logged by what they mean.
 *
 * <p>When a client aborts a write, its subscription is cancelled; Hibernate Reactive then closes the session
 * with the transaction still open, rolls it back, and fails the close with {@code HR000090: Live transaction
 * detected while closing the connection}, which Mutiny can only drop. Quarkus logs every dropped failure as an
 * ERROR with its stack trace: two ERROR lines for an ordinary event. That cleanup failure, and a database
 * that went away under a cancelled request, are DEBUG here; anything else stays an ERROR.
 */
@ApplicationScoped
public class DroppedFailures {

    private static final Logger LOG = Logger.getLogger(DroppedFailures.class);

    /** Replaces the handler Quarkus installs at start (io.quarkus.mutiny.runtime.MutinyInfrastructure). */
    void install(@Observes StartupEvent started) {
        Infrastructure.setDroppedExceptionHandler(DroppedFailures::handle);
    }

    static void handle(Throwable failure) {
        if (isExpected(failure)) {
            LOG.debugf("Dropped after the request was abandoned: %s", failure);
        } else {
            LOG.error("Mutiny had to drop the following exception", failure);
        }
    }

    /** A session closed mid-transaction (client gone), a cancellation, or a database that went away. */
    static boolean isExpected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CancellationException
                    || t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().startsWith("HR000090")) {
                return true;
            }
        }
        return DatabaseFailure.UNAVAILABLE.matches(failure);
    }
}
