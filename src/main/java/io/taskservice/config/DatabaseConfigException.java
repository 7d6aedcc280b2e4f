package io.taskservice.config;

/**
 * A {@code DATABASE_*} variable is missing or breaks a rule.
 *
 * <p>The message always names the variable and the rule, and never contains a password or the
 * URL's user information. No cause is ever attached: parser exceptions such as
 * {@link java.net.URISyntaxException} quote their input, which would leak the URL.
 */
public final class DatabaseConfigException extends IllegalArgumentException {

    public DatabaseConfigException(String message) {
        super(message);
    }
}
