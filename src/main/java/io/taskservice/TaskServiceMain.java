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

    /**
     * Quarkus' own exit, plus the line that says why start-up failed: Quarkus does not log the failure itself
     * when the application passes its own exit handler.
     */
    private static void exit(int code, Throwable failure) {
        if (failure != null && DatabaseFailure.UNAVAILABLE.matches(failure)) {
            LOG.errorf("The database was still unreachable after the start-up wait (%s s, %s): %s; exiting", startupWait(),
                    "TASK_SERVICE_DATABASE_STARTUP_WAIT_SECONDS", connectionError(failure));
        } else if (failure != null) {
            LOG.error("Failed to start", failure);
        }
        System.exit(code);
    }

    /**
     * The JDBC driver's words for the last attempt, as Flyway logs them for each retry ("Connection to db:5432
     * refused", "The connection attempt failed." caused by the unknown host): host and port, never a password,
     * which the driver receives apart from the URL.
     */
    private static String connectionError(Throwable failure) {
        String driver = null;
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (driver == null && t instanceof java.sql.SQLException) {
                driver = t.getMessage();
            }
            root = t;
        }
        String cause = root.getClass().getSimpleName() + ": " + root.getMessage();
        return driver == null ? cause : driver + " (" + cause + ")";
    }

    private static String startupWait() {
        try {
            return ConfigProvider.getConfig().getOptionalValue(STARTUP_WAIT, String.class).orElse("?");
        } catch (RuntimeException e) {
            return "?"; // the configuration may already be released after a failed start
        }
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
