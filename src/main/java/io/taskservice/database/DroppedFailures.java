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
 * detected while closing the connection}, which Mutiny can only drop, and work still queued on the session fails
 * with {@code Session/EntityManager is closed}, or, once Panache has removed the closed session from the Vert.x
 * context, with {@code No current Mutiny.Session found} (a list's count query, chained after its page query). Quarkus logs every dropped failure as an ERROR with its stack
 * trace: ERROR lines for an ordinary event (AbortedWriteLogTest reproduces them). That cleanup failure, and a database
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

    /**
     * The shapes a cancelled unit of work leaves behind: the close of its session with the transaction still open
     * (HR000090), and the work still queued on that session finding it closed or already gone from the context.
     */
    private static boolean isClosedSession(String message) {
        return message != null && (message.startsWith("HR000090") || message.equals("Session/EntityManager is closed")
                || message.startsWith("No current Mutiny.Session found"));
    }

    /** A session closed mid-transaction (client gone), a cancellation, or a database that went away. */
    static boolean isExpected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CancellationException || t instanceof IllegalStateException && isClosedSession(t.getMessage())) {
                return true;
            }
        }
        return DatabaseFailure.UNAVAILABLE.matches(failure);
    }
}
