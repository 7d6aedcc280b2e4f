package io.taskservice.database;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The larger budget of a request that moves a whole task list (an import). The request timeout and the server
 * timeouts that stay below it (8 s, 9 s) are sized for requests that touch a few rows; an import of 100,000 tasks
 * legitimately takes longer, more so on a busy machine, and must not end in a 503 for that. The request marks
 * itself as bulk before any service runs ({@link #allowForThisRequest}); {@link BoundedDatabaseWorkInterceptor}
 * then applies {@code task-service.database.bulk-timeout} instead, and the bulk transaction raises PostgreSQL's
 * bounds for itself alone ({@link #raiseServerTimeouts}), keeping them below that budget in the same proportion.
 * A frozen database still costs such a request at most the bulk timeout.
 */
@ApplicationScoped
public class BulkWork {

    private static final String MARK = "task-service.bulk-work";

    private final Duration timeout;

    public BulkWork(@ConfigProperty(name = "task-service.database.bulk-timeout") Duration timeout) {
        this.timeout = timeout;
    }

    /** Marks the current request (its Vert.x context) as bulk work. Call on the request's context, before its services. */
    public static void allowForThisRequest() {
        ContextLocals.put(MARK, Boolean.TRUE);
    }

    /** The budget of the current request's database work: {@code normal}, or the bulk timeout for a marked request. */
    Duration budget(Duration normal) {
        return ContextLocals.get(MARK, Boolean.FALSE) && timeout.compareTo(normal) > 0 ? timeout : normal;
    }

    /**
     * Raises {@code statement_timeout} to 80 % and {@code idle_in_transaction_session_timeout} to 90 % of the bulk
     * timeout for the caller's transaction only ({@code set_config(..., true)} is {@code SET LOCAL}): as with the
     * pool's defaults, the server stops the work before the client gets its 503.
     */
    public Uni<Void> raiseServerTimeouts() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select set_config('statement_timeout', :statement, true), set_config('idle_in_transaction_session_timeout', :idle, true)",
                        Object[].class)
                .setParameter("statement", Long.toString(timeout.toMillis() * 8 / 10))
                .setParameter("idle", Long.toString(timeout.toMillis() * 9 / 10))
                .getSingleResult()).replaceWithVoid();
    }
}
