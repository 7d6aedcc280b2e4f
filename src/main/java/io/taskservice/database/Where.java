package io.taskservice.database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WHERE clause built from fixed query fragments and named parameters: values only ever travel as
 * parameters, never as query text.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds a condition; {@code fragment} is code, never user input. */
    public Where and(String fragment) {
        conditions.add(fragment);
        return this;
    }

    /** Adds a condition with one named parameter. */
    public Where and(String fragment, String parameter, Object value) {
        conditions.add(fragment);
        parameters.put(parameter, value);
        return this;
    }

    public Where parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** {@code " where a and b"}, or empty. */
    public String clause() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /** A LIKE pattern matching {@code text} anywhere, with LIKE's wildcards escaped (use {@code escape '\'}). */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
