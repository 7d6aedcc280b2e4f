package io.taskservice.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** PostgreSQL's {@code sslmode} values, with libpq's meaning. */
public enum SslMode {
    DISABLE("disable"),
    ALLOW("allow"),
    PREFER("prefer"),
    REQUIRE("require"),
    VERIFY_CA("verify-ca"),
    VERIFY_FULL("verify-full");

    /** All accepted spellings, for error messages. */
    public static final String ACCEPTED = Arrays.stream(values()).map(SslMode::value).collect(Collectors.joining(", "));

    private final String value;

    SslMode(String value) {
        this.value = value;
    }

    /** The spelling used by libpq, pgjdbc and the Vert.x client. */
    public String value() {
        return value;
    }

    /** Parses libpq's spelling; the variable name only serves the error message. */
    public static SslMode parse(String variable, String text) {
        for (SslMode mode : values()) {
            if (mode.value.equals(text)) {
                return mode;
            }
        }
        // The value is not quoted back: a misplaced value could be a password.
        throw new DatabaseConfigException(variable + " must be one of " + ACCEPTED);
    }
}
