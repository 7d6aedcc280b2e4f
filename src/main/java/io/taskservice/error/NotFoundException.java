package io.taskservice.error;

/** The addressed resource does not exist: 404. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, String key) {
        super("No " + kind + " '" + key + "'");
    }
}
