package io.taskservice.config;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSource;
import io.taskservice.config.DatabaseSettings.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns the {@code DATABASE_*} variables into the {@code quarkus.datasource.*} properties, so that no other
 * code reads them. Registered through {@code META-INF/services}, it runs whenever Quarkus builds its
 * configuration:
 * <ul>
 * <li>packaged service at run time: the variables are required; a broken rule stops start-up with
 * a {@link ConfigurationException}, which Quarkus prints as one line (no stack trace) and exits with 1;</li>
 * <li>packaged service at build time: contributes nothing, so no credential is ever recorded into the jar;</li>
 * <li>dev mode and tests: without variables, leaves the datasource unset for Dev Services when a container
 * engine is available, else starts an {@link EmbeddedDatabase}. Tests read {@code .env.test} only, never the
 * developer's {@code DATABASE_*}, so a test run cannot touch a database it was not pointed at.</li>
 * </ul>
 */
public class DatabaseConfigSourceFactory implements ConfigSourceFactory {

    /** Between application.properties (250) and .env (295): explicit quarkus.datasource.* settings still win. */
    static final int ORDINAL = 275;
    static final String SOURCE_NAME = "task-service DATABASE_* variables";
    static final String TEST_ENV_FILE = ".env.test";
    static final String REQUIRE_PASSWORD = "task-service.database.require-password";
    static final String LOCAL_DATABASE = "task-service.local-database";
    static final String MESSAGE_PREFIX = "Invalid database configuration: ";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        LaunchMode launchMode = LaunchMode.current();
        boolean buildTime = ExecutionMode.current() == ExecutionMode.UNSET;
        if (launchMode == LaunchMode.NORMAL && buildTime) {
            return List.of();
        }
        Function<String, String> lookup = launchMode == LaunchMode.TEST ? testLookup() : name -> value(context, name);
        Requirements requirements = launchMode == LaunchMode.NORMAL
                ? new Requirements(true, !"false".equals(value(context, REQUIRE_PASSWORD)))
                : Requirements.LOCAL;
        Optional<DatabaseSettings> settings;
        try {
            settings = DatabaseSettings.resolve(lookup, requirements);
        } catch (DatabaseConfigException e) {
            // No cause on purpose: Quarkus prints a cause-less ConfigurationException as its message alone.
            throw new ConfigurationException(MESSAGE_PREFIX + e.getMessage(), Set.of(DatabaseSettings.URL));
        }
        Map<String, String> properties = settings.map(DatabaseSettings::quarkusProperties)
                .or(() -> localDatabase(context).map(LocalDatabase::properties))
                .orElse(Map.of());
        return properties.isEmpty() ? List.of() : List.of(new PropertiesConfigSource(properties, SOURCE_NAME, ORDINAL));
    }

    /** Dev mode and tests without variables: Dev Services (nothing to add) or the embedded database. */
    private static Optional<LocalDatabase> localDatabase(ConfigSourceContext context) {
        String choice = Optional.ofNullable(value(context, LOCAL_DATABASE)).orElse("auto");
        boolean embedded = switch (choice) {
            case "embedded" -> true;
            case "container" -> false;
            case "auto" -> !ContainerEngine.isAvailable();
            default -> throw new ConfigurationException(
                    LOCAL_DATABASE + " must be auto, container or embedded", Set.of(LOCAL_DATABASE));
        };
        return embedded ? Optional.of(EmbeddedDatabase.start()) : Optional.empty();
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }

    private static Function<String, String> testLookup() {
        Path file = Path.of(System.getProperty("user.dir"), TEST_ENV_FILE);
        if (!Files.isRegularFile(file)) {
            return name -> null;
        }
        List<ConfigSource> sources = DotEnvConfigSourceProvider.dotEnvSources(file.toUri().toString(),
                DatabaseConfigSourceFactory.class.getClassLoader());
        return name -> sources.stream().map(source -> source.getValue(name)).filter(v -> v != null).findFirst().orElse(null);
    }
}
