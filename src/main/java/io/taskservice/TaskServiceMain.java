package io.taskservice;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.taskservice.config.StartupCheck;
import io.taskservice.database.DatabaseFailure;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The service's entry point: checks the database configuration and credentials before Quarkus starts, then
 * runs Quarkus, which waits for a database that is not up yet (Flyway's connect retries).
 *
 * <p>The checks come first so that a broken {@code DATABASE_*} value or a refused password ends the process
 * with its one line of explanation alone: once Quarkus has begun, a configuration failure is printed after the
 * log records the frameworks buffered while starting (Hibernate's version banners and more), in no
 * particular format. A database that stays unreachable for the whole wait ends it with one clear line too.
 */
@QuarkusMain
public final class TaskServiceMain {

    static final String STARTUP_WAIT = "task-service.database.startup-wait-seconds";
    private static final Logger LOG = Logger.getLogger(TaskServiceMain.class);

    private TaskServiceMain() {
    }

    public static void main(String... args) {
        StartupCheck.exitOnInvalidDatabaseConfiguration().ifPresent(StartupCheck::exitOnRefusedCredentials);
        Quarkus.run(Service.class, TaskServiceMain::exit, args);
    }

    /** Quarkus' own exit, plus the line that says the start-up wait for the database is over. */
    private static void exit(int code, Throwable failure) {
        if (failure != null && DatabaseFailure.UNAVAILABLE.matches(failure)) {
            String wait = ConfigProvider.getConfig().getOptionalValue(STARTUP_WAIT, String.class).orElse("?");
            LOG.errorf("The database was still unreachable after the start-up wait (%s s, %s): exiting", wait,
                    "TASK_SERVICE_DATABASE_STARTUP_WAIT_SECONDS");
        }
        System.exit(code);
    }

    /** Runs until Quarkus is asked to stop, as {@code Quarkus.run(args)} does. */
    public static final class Service implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
