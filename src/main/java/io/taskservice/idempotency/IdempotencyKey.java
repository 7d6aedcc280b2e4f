package io.taskservice.idempotency;

import io.taskservice.error.InvalidRequestException;

/**
 * The value of a POST's {@code Idempotency-Key} header: 1 to 255 printable ASCII characters (space to tilde), the
 * bounds of the {@code idempotency_key} column. A client picks one per intended effect, typically a UUID.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    /** The key of a header value; null when the header is absent; 400 when it breaks the rule. */
    public static IdempotencyKey parse(String header) {
        if (header == null) {
            return null;
        }
        if (header.isEmpty() || header.length() > MAX_LENGTH || !header.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            throw new InvalidRequestException(HEADER, "must be 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
        return new IdempotencyKey(header);
    }
}
