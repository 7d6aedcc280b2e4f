package io.taskservice.error;

/** A request parameter breaks a rule Bean Validation does not cover: 400 naming the field. */
public final class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
