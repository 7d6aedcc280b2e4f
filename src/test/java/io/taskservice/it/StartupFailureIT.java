package io.taskservice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged service refuses to start, quickly and legibly, when it cannot get a usable database: broken
 * {@code DATABASE_*} configuration (one line naming the variable, no stack trace, exit code 1), a password
 * PostgreSQL refuses (one line, at once), or a database still unreachable when the start-up wait is over
 * (shortened here; DatabaseStartupWaitIT covers the wait itself). No password ever shows up in the output.
 */
class StartupFailureIT {

    /** Start-up with a broken configuration takes about 3 s on a small machine. */
    private static final Duration CONFIG_FAILURE_TIMEOUT = Duration.ofSeconds(20);
    /** Start-up plus the shortened wait for the database (2 attempts of at most 2 s connect timeout, 1 s apart). */
    private static final Duration CONNECT_FAILURE_TIMEOUT = Duration.ofSeconds(40);
    /** A refused password is told before Quarkus starts: one connection attempt, no wait. */
    private static final Duration REFUSED_PASSWORD_TIMEOUT = Duration.ofSeconds(10);
    private static final String SHORT_WAIT = "2";

    private static final String CANARY = Canary.PASSWORD;

    @Test
    void refusesToStartWithoutAnyDatabaseVariable(TestInfo test) {
        assertRejectedConfiguration(test, Map.of(), "DATABASE_URL");
    }

    @Test
    void refusesMalformedUrl(TestInfo test) {
        // An unencoded '@' in the password: java.net.URI cannot parse the authority.
        assertRejectedConfiguration(test, Map.of("DATABASE_URL", "postgresql://app:" + CANARY + "@x@db:5432/tasks"),
                "DATABASE_URL");
    }

    @Test
    void refusesUrlWithWrongScheme(TestInfo test) {
        assertRejectedConfiguration(test, Map.of("DATABASE_URL", "mysql://app:" + CANARY + "@db:3306/tasks"),
                "DATABASE_URL");
    }

    @Test
    void refusesPortOutsideRange(TestInfo test) {
        assertRejectedConfiguration(test, Map.of(
                "DATABASE_HOST", "db",
                "DATABASE_PORT", "70000",
                "DATABASE_NAME", "tasks",
                "DATABASE_USER", "app",
                "DATABASE_PASSWORD", CANARY), "DATABASE_PORT");
    }

    @Test
    void refusesPortOutsideRangeInUrl(TestInfo test) {
        assertRejectedConfiguration(test, Map.of("DATABASE_URL", "postgresql://app:" + CANARY + "@db:70000/tasks"),
                "DATABASE_URL");
    }

    @Test
    void refusesUnknownSslMode(TestInfo test) {
        assertRejectedConfiguration(test,
                Map.of("DATABASE_URL", "postgresql://app:" + CANARY + "@db:5432/tasks?sslmode=sometimes"), "DATABASE_URL");
    }

    @Test
    void refusesEmptyPassword(TestInfo test) {
        assertRejectedConfiguration(test, Map.of("DATABASE_URL", "postgresql://app:@db/tasks"), "DATABASE_PASSWORD");
    }

    @Test
    void refusesToStartWhenPostgresRejectsThePassword(TestInfo test) {
        try (TestDatabase database = TestDatabase.start();
                PackagedService service = PackagedService.start(name(test),
                        Map.of("DATABASE_URL", database.url(Canary.WRONG_PASSWORD)))) {
            // Not a database that is down: no wait, one line before Quarkus starts (StartupCheck).
            assertThat(service.awaitExit(REFUSED_PASSWORD_TIMEOUT)).as("exit code").isEqualTo(1);
            String output = service.output();
            Canary.assertAbsent("output", output);
            assertThat(service.outputLines()).as("output").singleElement(STRING)
                    .startsWith("Database refused the credentials of user 'app'")
                    .contains("28P01")
                    .contains("check DATABASE_USER and DATABASE_PASSWORD");
        }
    }

    @Test
    void refusesToStartWhenNothingListensOnTheDatabasePort(TestInfo test) {
        int closedPort = PackagedService.freePort();
        assertUnreachable(test, "postgresql://app:" + CANARY + "@localhost:" + closedPort + "/tasks?sslmode=disable",
                "refused");
    }

    @Test
    void refusesToStartWhenTheDatabaseHostDoesNotResolve(TestInfo test) {
        // .invalid is reserved (RFC 2606): it never resolves.
        assertUnreachable(test, "postgresql://app:" + CANARY + "@db.invalid:5432/tasks?sslmode=disable", "db.invalid");
    }

    @Test
    void readsDotEnvInTheWorkingDirectory(TestInfo test) {
        String dotEnv = "# test\nDATABASE_URL=postgresql://app:" + CANARY + "@db:70000/tasks\n";
        String line = assertRejectedConfiguration(test, Map.of(), dotEnv, "DATABASE_URL");
        assertThat(line).contains("port must be a whole number");
    }

    @Test
    void environmentVariableWinsOverDotEnv(TestInfo test) {
        String dotEnv = "DATABASE_URL=postgresql://app:" + CANARY + "@db:70000/tasks\n";
        String line = assertRejectedConfiguration(test, Map.of("DATABASE_URL", "mysql://app:" + CANARY + "@db/tasks"), dotEnv,
                "DATABASE_URL");
        assertThat(line).contains("must start with postgres:// or postgresql://");
    }

    private static void assertRejectedConfiguration(TestInfo test, Map<String, String> environment, String variable) {
        assertRejectedConfiguration(test, environment, null, variable);
    }

    /** Asserts the one line of output that names {@code variable}, and returns it. */
    private static String assertRejectedConfiguration(TestInfo test, Map<String, String> environment, String dotEnv,
            String variable) {
        try (PackagedService service = PackagedService.start(name(test), environment, dotEnv)) {
            // 1: Quarkus' status for a ConfigurationException at start-up (see DatabaseConfigSourceFactory).
            assertThat(service.awaitExit(CONFIG_FAILURE_TIMEOUT)).as("exit code").isEqualTo(1);
            String output = service.output();
            List<String> naming = service.outputLines().stream().filter(line -> line.contains(variable)).toList();
            assertThat(naming).as("lines naming %s in:%n%s", variable, output)
                    .singleElement(STRING)
                    .startsWith("Invalid database configuration: ");
            // The entry point checks DATABASE_* before Quarkus starts: that line is the whole output.
            assertThat(service.outputLines()).as("output").hasSize(1);
            assertThat(output).as("output").doesNotContain("\tat ").doesNotContain("\"frames\"");
            Canary.assertAbsent("output", output);
            return naming.getFirst();
        }
    }

    private static void assertUnreachable(TestInfo test, String url, String expected) {
        try (PackagedService service = PackagedService.start(name(test),
                Map.of("DATABASE_URL", url, "TASK_SERVICE_DATABASE_STARTUP_WAIT_SECONDS", SHORT_WAIT))) {
            assertThat(service.awaitExit(CONNECT_FAILURE_TIMEOUT)).as("exit code").isEqualTo(1);
            String output = service.output();
            Canary.assertAbsent("output", output);
            // The last line says why, in the driver's words (host and port only).
            assertThat(service.outputLines().getLast())
                    .contains("The database was still unreachable after the start-up wait (" + SHORT_WAIT + " s")
                    .contains(expected);
        }
    }

    private static String name(TestInfo test) {
        return "StartupFailureIT-" + test.getTestMethod().orElseThrow().getName();
    }
}
