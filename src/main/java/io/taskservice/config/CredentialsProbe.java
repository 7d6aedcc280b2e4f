package io.taskservice.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Asks PostgreSQL once whether it accepts the configured user, password and database, over JDBC, before
 * Quarkus starts. Flyway's start-up wait retries every failed connection, a refused password included; this
 * tells the two apart, so that a wrong password fails at once with a clear line instead of after the wait.
 */
final class CredentialsProbe {

    /** Seconds for the TCP connect and for the whole login; an unreachable database is Flyway's to wait for. */
    private static final String TIMEOUT_SECONDS = "3";

    private CredentialsProbe() {
    }

    /** The line to exit with when the database refuses these settings, or empty (accepted, or not reachable). */
    static Optional<String> refusal(DatabaseSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("connectTimeout", TIMEOUT_SECONDS);
        properties.setProperty("loginTimeout", TIMEOUT_SECONDS);
        try (Connection connection = new Driver().connect(settings.jdbcUrl(), properties)) {
            return Optional.empty();
        } catch (SQLException e) {
            return refusal(settings, e.getSQLState());
        }
    }

    /** Only states that mean "PostgreSQL answered and said no"; messages are ours, never the driver's. */
    static Optional<String> refusal(DatabaseSettings settings, String sqlState) {
        if (sqlState == null) {
            return Optional.empty();
        }
        return switch (sqlState) {
            case "28P01", "28000" -> Optional.of("Database refused the credentials of user '" + settings.user() + "' at "
                    + settings.address() + " (SQL state " + sqlState + "): check DATABASE_USER and DATABASE_PASSWORD");
            case "3D000" -> Optional.of("Database '" + settings.name() + "' does not exist at " + settings.address()
                    + " (SQL state 3D000): check DATABASE_NAME");
            default -> Optional.empty();
        };
    }
}
