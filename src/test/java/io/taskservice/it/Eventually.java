package io.taskservice.it;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** A tiny polling helper: the project has no Awaitility, and these waits need nothing more. */
final class Eventually {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private Eventually() {
    }

    /**
     * Calls {@code probe} until it returns a value or {@code timeout} passes. A probe that throws (connection
     * refused while the service starts, say) counts as "not yet"; the last exception is reported on failure.
     */
    static <T> T await(String what, Duration timeout, Callable<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                Optional<T> value = probe.call();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                return fail("Gave up after %d ms waiting for %s%s", timeout.toMillis(), what,
                        last == null ? "" : " (last failure: " + last + ")");
            }
            sleep(INTERVAL);
        }
    }

    /** Waits until {@code condition} holds. */
    static void until(String what, Duration timeout, Callable<Boolean> condition) {
        await(what, timeout, () -> condition.call() ? Optional.of(true) : Optional.<Boolean>empty());
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
