package io.taskservice.database;

import io.taskservice.api.InvalidRequestException;

/** A validated page of a list: zero-based index and a size between 1 and {@link #MAX_SIZE}. */
public record PageRequest(int index, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** @throws InvalidRequestException naming the query parameter that is out of range */
    public static PageRequest of(Integer page, Integer size) {
        int index = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (index < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(index, pageSize);
    }
}
