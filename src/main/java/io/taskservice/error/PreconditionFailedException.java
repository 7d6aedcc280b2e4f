package io.taskservice.error;

/** The request's If-Match names a version that is not current: 412. */
public final class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String what) {
        super(what + " has changed since the version named in If-Match; fetch it again");
    }
}
