package io.taskservice.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which dropped failures are the ordinary leftovers of an abandoned request, and which stay errors. */
class DroppedFailuresTest {

    @Test
    void leftoversOfACancelledUnitOfWorkAreExpected() {
        assertThat(DroppedFailures.isExpected(new IllegalStateException(
                "HR000090: Live transaction detected while closing the connection: it will be roll backed"))).isTrue();
        assertThat(DroppedFailures.isExpected(new IllegalStateException("Session/EntityManager is closed"))).isTrue();
        // Seen in CI: a list's count query chained after its page query, once the aborted request's session was gone.
        assertThat(DroppedFailures.isExpected(new CompletionException(new IllegalStateException("""
                No current Mutiny.Session found
                \t- no reactive session was found in the Vert.x context and the context was not marked to open a new session lazily
                """)))).isTrue();
        assertThat(DroppedFailures.isExpected(new CancellationException())).isTrue();
    }

    @Test
    void anythingElseStaysAnError() {
        assertThat(DroppedFailures.isExpected(new IllegalStateException("Some other state"))).isFalse();
        assertThat(DroppedFailures.isExpected(new NullPointerException())).isFalse();
        assertThat(DroppedFailures.isExpected(new IllegalStateException((String) null))).isFalse();
    }
}
