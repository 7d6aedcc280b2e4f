package io.taskservice.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A unit of work that outlasts its budget is cancelled, and its caller failed, on the request's own event loop. */
class DeadlineTest {

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void anExpiredUnitOfWorkIsCancelledAndFailedOnItsOwnContext() throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<Thread> requestThread = new CompletableFuture<>();
        CompletableFuture<Thread> cancelledOn = new CompletableFuture<>();
        CompletableFuture<Thread> failedOn = new CompletableFuture<>();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        context.runOnContext(start -> {
            requestThread.complete(Thread.currentThread());
            Uni<String> never = Uni.createFrom().<String>nothing().onCancellation().invoke(() -> cancelledOn.complete(Thread.currentThread()));
            Deadline.of(never, Duration.ofMillis(50)).subscribe().with(item -> {
            }, e -> {
                failedOn.complete(Thread.currentThread());
                failure.complete(e);
            });
        });

        assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
        // Mutiny's own ifNoItem() timeout does both on a worker-pool thread, beside the event loop using the session.
        assertThat(cancelledOn.get(5, TimeUnit.SECONDS)).isSameAs(requestThread.get());
        assertThat(failedOn.get()).isSameAs(requestThread.get());
    }

    @Test
    void workThatEndsInTimeIsUntouched() throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<String> answer = new CompletableFuture<>();
        context.runOnContext(start -> Deadline.of(Uni.createFrom().item("done"), Duration.ofSeconds(5))
                .subscribe().with(answer::complete, answer::completeExceptionally));

        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo("done");
    }

    @Test
    void aFailureBeforeTheBudgetIsPassedOn() throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        context.runOnContext(start -> Deadline.of(Uni.createFrom().<String>failure(new IllegalStateException("boom")), Duration.ofSeconds(5))
                .subscribe().with(item -> failure.complete(null), failure::complete));

        assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }
}
