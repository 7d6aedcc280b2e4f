package io.taskservice.database;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Reads that must see one state of the database (export, Task Master's views of a whole tag) run in a read-only
 * {@code REPEATABLE READ} transaction: every query of it sees the database as it was at its first query.
 */
public final class ReadSnapshot {

    private ReadSnapshot() {
    }

    /** Makes the caller's transaction one read-only snapshot. Must run before any other statement of it. */
    public static Uni<Void> begin() {
        return Panache.getSession().chain(s -> s.createNativeQuery("set transaction isolation level repeatable read, read only")
                .executeUpdate()).replaceWithVoid();
    }
}
