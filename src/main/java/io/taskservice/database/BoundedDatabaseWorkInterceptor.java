package io.taskservice.database;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies the request timeout to service methods. The pool's acquire and connect timeouts bound getting a
 * connection; nothing bounds a query already sent on an open connection, and TCP keepalive cannot see a
 * database process that is alive but frozen. Running outside the session and transaction interceptors, the
 * timeout cancels the whole unit of work: the session is closed and its transaction rolled back (the same
 * path as a client that disconnects, which the leak test covers), and the caller gets a
 * {@link io.smallrye.mutiny.TimeoutException}, which {@link DatabaseFailure} reads as {@code UNAVAILABLE}. A request
 * that moves a whole task list gets the larger budget of {@link BulkWork}.
 */
@BoundedDatabaseWork
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class BoundedDatabaseWorkInterceptor {

    private final Duration timeout;
    private final BulkWork bulk;

    public BoundedDatabaseWorkInterceptor(@ConfigProperty(name = "task-service.database.request-timeout") Duration timeout,
            BulkWork bulk) {
        this.timeout = timeout;
        this.bulk = bulk;
    }

    @AroundInvoke
    Object bound(InvocationContext context) throws Exception {
        Object result = context.proceed();
        if (result instanceof Uni<?> work) {
            return Deadline.of(work, bulk.budget(timeout));
        }
        return result;
    }
}
