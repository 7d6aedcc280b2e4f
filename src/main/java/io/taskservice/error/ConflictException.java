package io.taskservice.error;

/** The request conflicts with the current state, such as an existing name: 409. */
public final class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
