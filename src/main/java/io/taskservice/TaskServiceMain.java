package io.taskservice;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.taskservice.config.StartupCheck;

/**
 * The service's entry point: checks the database configuration before Quarkus starts, then runs Quarkus.
 *
 * <p>The check comes first so that a broken {@code DATABASE_*} value ends the process with its one line of
 * explanation alone: once Quarkus has begun, a configuration failure is printed after the log records the
 * frameworks buffered while starting (Hibernate's version banners and more), in no particular format.
 */
@QuarkusMain
public final class TaskServiceMain {

    private TaskServiceMain() {
    }

    public static void main(String... args) {
        StartupCheck.exitOnInvalidDatabaseConfiguration();
        Quarkus.run(args);
    }
}
