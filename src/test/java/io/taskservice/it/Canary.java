package io.taskservice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Passwords that must never be seen again: random per run, so a hit in any output can only be a leak.
 * {@link #PASSWORD} is the test database's real password; {@link #WRONG_PASSWORD} is offered where a
 * password is refused.
 */
final class Canary {

    static final String USER = "app";
    static final String PASSWORD = newCanary();
    static final String WRONG_PASSWORD = newCanary();

    private Canary() {
    }

    /** Fails when {@code text} holds either canary or a URL's user information carrying one. */
    static void assertAbsent(String where, String text) {
        for (String secret : new String[] {PASSWORD, WRONG_PASSWORD}) {
            assertThat(text).as("%s must not contain the URL user information", where)
                    .doesNotContain(USER + ":" + secret + "@");
            assertThat(text).as("%s must not contain the canary password", where).doesNotContain(secret);
        }
    }

    private static String newCanary() {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        return "Canary-" + HexFormat.of().formatHex(random) + "-Pw";
    }
}
