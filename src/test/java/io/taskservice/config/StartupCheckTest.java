package io.taskservice.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The entry point's fail-fast check must stay out of dev mode's way: dev mode runs without DATABASE_* (it
 * starts a database itself). Tests run on the same class loader as dev mode, so a check that mistook this for
 * the packaged service would exit this JVM here and fail the build. (The packaged service's side is covered
 * by StartupFailureIT.)
 */
@QuarkusTest
class StartupCheckTest {

    @Test
    void devModeAndTestsAreNotThePackagedService() {
        assertThat(StartupCheck.isPackagedService()).isFalse();
        assertThat(System.getenv("DATABASE_URL")).as("this test needs no DATABASE_URL set").isNull();
        StartupCheck.exitOnInvalidDatabaseConfiguration(); // returns, instead of exiting with "must be set"
    }
}
