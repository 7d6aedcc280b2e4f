package io.taskservice.api;

import io.taskservice.database.DatabaseFailure;
import io.taskservice.error.ConflictException;
import io.taskservice.error.PreconditionFailedException;
import java.util.function.Function;

/** The optimistic-lock rules of writes that honour If-Match, for every resource that has a version. */
public final class Versions {

    private Versions() {
    }

    /** 412 when the caller named a version ({@code expected}, from If-Match) that is not the current one. */
    public static void require(Long expected, long current, String what) {
        if (expected != null && expected != current) {
            throw new PreconditionFailedException(what);
        }
    }

    /**
     * What a write that lost a race to another transaction answers: 412 when the caller named a version (its
     * precondition no longer holds), else 409 (retry with fresh data); other failures pass unchanged.
     */
    public static Function<Throwable, Throwable> lostRace(Long expected, String what) {
        return failure -> !DatabaseFailure.CONCURRENT_UPDATE.matches(failure) ? failure
                : expected != null ? new PreconditionFailedException(what)
                : new ConflictException(what + " was changed by another request at the same time; retry");
    }
}
