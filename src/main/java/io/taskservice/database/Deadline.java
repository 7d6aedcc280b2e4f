package io.taskservice.database;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Fails a unit of work that has not finished within its budget, on the request's own Vert.x context.
 *
 * <p>Mutiny's {@code ifNoItem().after(d).fail()} fires on a thread of the worker pool: the failure travels down, and
 * the cancellation up, on that thread, so Panache closes the request's session there while its event loop may still
 * be using it. Under load that showed as {@code possible non-threadsafe access to session} (HHH000099), {@code
 * Connection is not active now} and 500s. Here the timer's end is handed to the request's context, so the session is
 * only ever touched from its own thread.
 */
final class Deadline {

    private Deadline() {
    }

    /** {@code work}, or a {@link TimeoutException} after {@code budget}; either way on the caller's Vert.x context. */
    static <T> Uni<T> of(Uni<T> work, Duration budget) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return work.ifNoItem().after(budget).fail(); // not on a Vert.x thread: no session to protect
        }
        Uni<T> expiry = Uni.createFrom().emitter(emitter -> {
            long timer = context.owner().setTimer(Math.max(1, budget.toMillis()),
                    fired -> context.runOnContext(now -> emitter.fail(new TimeoutException())));
            emitter.onTermination(() -> context.owner().cancelTimer(timer));
        });
        // The first to end wins; the other is cancelled on the thread that ended it: the context's, for the expiry.
        return Uni.join().first(work, expiry).toTerminate();
    }
}
