package io.taskservice.error;

/** One field of a request that failed validation, and why. */
public record FieldError(String field, String message) {
}
