package io.taskservice.database;

import io.taskservice.error.InvalidRequestException;

/**
 * A validated page of a list: zero-based index and a size between 1 and {@link #MAX_SIZE}, such that the rows
 * up to the end of the page ({@code (index + 1) * size}) still fit an {@code int} offset.
 */
public record PageRequest(int index, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /**
     * Reads the {@code page} and {@code size} query parameters as the client wrote them: they are taken as text,
     * because JAX-RS answers an unparsable {@code Integer} parameter with 404 instead of naming it.
     *
     * @throws InvalidRequestException naming the query parameter that is not a number or out of range
     */
    public static PageRequest of(String page, String size) {
        long index = page == null ? 0 : number("page", page);
        long pageSize = size == null ? DEFAULT_SIZE : number("size", size);
        if (index < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((index + 1) * pageSize > Integer.MAX_VALUE) { // the offset page * size must not overflow
            throw new InvalidRequestException("page", "must be at most " + (Integer.MAX_VALUE / pageSize - 1)
                    + " for size " + pageSize);
        }
        return new PageRequest((int) index, (int) pageSize);
    }

    private static long number(String field, String text) {
        String digits = text.trim();
        // Up to 10 digits: any int fits, and nothing longer can be a valid page or size.
        if (!digits.matches("-?[0-9]{1,10}")) {
            throw new InvalidRequestException(field, "must be a whole number");
        }
        return Long.parseLong(digits);
    }
}
