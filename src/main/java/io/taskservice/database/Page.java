package io.taskservice.database;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of a list. Offset pages carry {@code page} and {@code total}; keyset pages carry {@code next},
 * the cursor of the following page ({@code null} on the last page). {@code size} is the requested size.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, Integer page, int size, Long total, String next) {
}
