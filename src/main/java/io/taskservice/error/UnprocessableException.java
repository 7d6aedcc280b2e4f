package io.taskservice.error;

import java.util.List;

/** A well-formed request that breaks a domain rule (a dependency cycle, a bad import): 422. */
public final class UnprocessableException extends RuntimeException {

    private final String type;
    private final List<FieldError> errors;

    public UnprocessableException(String type, String message, List<FieldError> errors) {
        super(message);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    /** The problem type's last segment, e.g. {@code dependency-cycle}. */
    public String type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
