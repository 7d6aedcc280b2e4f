package io.taskservice.config;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Optional;

/**
 * Fail-fast check of {@code DATABASE_*} for the packaged service, run by the entry point before Quarkus
 * starts. It reads the same sources as Quarkus (system properties, environment, {@code .env}) and applies
 * the same rules ({@link DatabaseSettings}); {@link DatabaseConfigSourceFactory} applies them again when
 * Quarkus builds its configuration, which is what dev mode and tests rely on.
 */
public final class StartupCheck {

    /** The exit code of a configuration error, as Quarkus itself uses. */
    static final int EXIT_CONFIGURATION_ERROR = 1;
    private static final String BOOTSTRAP_CLASS_LOADER = "io.quarkus.bootstrap.classloading.QuarkusClassLoader";

    private StartupCheck() {
    }

    /**
     * Whether this is the packaged service (fast-jar or native) rather than dev mode. The entry point runs before
     * Quarkus sets its launch mode, so {@link LaunchMode#current()} still says NORMAL in dev mode there; but dev mode
     * (like tests) runs the application on the bootstrap's {@code QuarkusClassLoader}, the packaged service never.
     */
    static boolean isPackagedService() {
        return LaunchMode.current() == LaunchMode.NORMAL
                && !StartupCheck.class.getClassLoader().getClass().getName().equals(BOOTSTRAP_CLASS_LOADER);
    }

    /**
     * Prints one line and exits with 1 when the configuration is invalid; returns the settings otherwise (empty
     * outside the packaged service, whose database dev mode and tests provide themselves).
     */
    public static Optional<DatabaseSettings> exitOnInvalidDatabaseConfiguration() {
        if (!isPackagedService()) {
            return Optional.empty();
        }
        try {
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .addDefaultInterceptors()
                    .addSystemSources()
                    .withSources(new DotEnvConfigSourceProvider())
                    .build();
            boolean passwordRequired = !"false".equals(config.getRawValue(DatabaseConfigSourceFactory.REQUIRE_PASSWORD));
            return DatabaseSettings.resolve(config::getRawValue, new DatabaseSettings.Requirements(true, passwordRequired));
        } catch (DatabaseConfigException e) {
            System.err.println(DatabaseConfigSourceFactory.MESSAGE_PREFIX + e.getMessage());
            System.exit(EXIT_CONFIGURATION_ERROR);
            throw new IllegalStateException("unreachable");
        }
    }

    /**
     * One connection attempt before Quarkus starts: prints one line and exits with 1 when PostgreSQL answers
     * but refuses the credentials or does not know the database, mistakes that waiting cannot fix. Returns when
     * it accepts them, and also when it cannot be reached: Flyway then waits for it (see
     * {@code task-service.database.startup-wait-seconds}), which it would also do for a refused password.
     */
    public static void exitOnRefusedCredentials(DatabaseSettings settings) {
        Optional<String> refusal = CredentialsProbe.refusal(settings);
        if (refusal.isPresent()) {
            System.err.println(refusal.get());
            System.exit(EXIT_CONFIGURATION_ERROR);
        }
    }
}
