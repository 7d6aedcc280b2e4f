package io.taskservice.database;

import io.taskservice.error.InvalidRequestException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A validated {@code sort=field,asc|desc} parameter. The field must be in a resource's whitelist, which maps
 * each public field name to the query expression it orders by; only whitelisted expressions ever reach a
 * query, the parameter's text never does. Every order ends with the row's unique id, so it is total and a
 * keyset {@link Cursor} can resume it exactly.
 *
 * @param field the public field name
 * @param column what the field orders by
 * @param descending whether the order is descending
 */
public record Sort(String field, Column column, boolean descending) {

    /** A sortable query expression and the Java type of its (non-null) values. */
    public record Column(String expression, Class<?> type) {

        /** Reads a value written by {@link #format}, for a keyset cursor. */
        Object parse(String text) {
            if (type == String.class) {
                return text;
            }
            if (type == Integer.class) {
                return Integer.valueOf(text);
            }
            if (type == OffsetDateTime.class) {
                return OffsetDateTime.parse(text);
            }
            throw new IllegalStateException("no cursor format for " + type);
        }

        static String format(Object value) {
            return value.toString();
        }
    }

    /** @throws InvalidRequestException for an unknown field or direction */
    public static Sort parse(String parameter, Map<String, Column> whitelist, String defaultField) {
        if (parameter == null || parameter.isBlank()) {
            return new Sort(defaultField, whitelist.get(defaultField), false);
        }
        String[] parts = parameter.split(",", -1);
        Column column = whitelist.get(parts[0].trim());
        if (column == null || parts.length > 2) {
            throw new InvalidRequestException("sort", "must be field or field,asc|desc with field one of "
                    + whitelist.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        String direction = parts.length == 2 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw new InvalidRequestException("sort", "direction must be asc or desc");
        }
        return new Sort(parts[0].trim(), column, direction.equals("desc"));
    }

    /** The ORDER BY list, ending with the unique {@code idExpression}. */
    public String orderBy(String idExpression) {
        String direction = descending ? " desc" : " asc";
        return column.expression() + direction + ", " + idExpression + direction;
    }

    /**
     * The keyset predicate "strictly after the cursor's row" in this order, over named parameters
     * {@code afterValue} and {@code afterId}.
     */
    public String after(String idExpression) {
        String op = descending ? "<" : ">";
        String e = column.expression();
        return "(" + e + " " + op + " :afterValue or (" + e + " = :afterValue and " + idExpression + " " + op + " :afterId))";
    }
}
