package io.taskservice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskservice.config.DatabaseSettings.Requirements;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSettingsTest {

    /** A password that must never show up anywhere but in the datasource password property. */
    static final String CANARY = "Canary-7f3e9b2a-Pw";

    private static Optional<DatabaseSettings> resolve(Map<String, String> env, Requirements requirements) {
        return DatabaseSettings.resolve(env::get, requirements);
    }

    private static DatabaseSettings prod(Map<String, String> env) {
        return resolve(env, Requirements.PRODUCTION).orElseThrow();
    }

    private static String failure(Map<String, String> env, Requirements requirements) {
        try {
            resolve(env, requirements);
        } catch (DatabaseConfigException e) {
            assertThat(e.getCause()).isNull();
            return e.getMessage();
        }
        throw new AssertionError("expected a DatabaseConfigException for " + env.keySet());
    }

    private static String prodFailure(Map<String, String> env) {
        return failure(env, Requirements.PRODUCTION);
    }

    @Test
    void parsesFullPostgresqlUrl() {
        DatabaseSettings s = prod(Map.of("DATABASE_URL", "postgresql://app:secret@db.example.com:6543/tasks?sslmode=require"));
        assertThat(s.host()).isEqualTo("db.example.com");
        assertThat(s.port()).isEqualTo(6543);
        assertThat(s.name()).isEqualTo("tasks");
        assertThat(s.user()).isEqualTo("app");
        assertThat(s.password()).isEqualTo("secret");
        assertThat(s.sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(s.reactiveUrl()).isEqualTo("postgresql://db.example.com:6543/tasks");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/tasks?sslmode=require");
    }

    @Test
    void acceptsPostgresSchemeAlias() {
        assertThat(prod(Map.of("DATABASE_URL", "postgres://app:secret@db/tasks")).host()).isEqualTo("db");
    }

    @Test
    void defaultsPortAndSslMode() {
        DatabaseSettings s = prod(Map.of("DATABASE_URL", "postgresql://app:secret@db/tasks"));
        assertThat(s.port()).isEqualTo(5432);
        assertThat(s.sslMode()).isEqualTo(SslMode.PREFER);
    }

    @Test
    void decodesPercentEncodedPassword() {
        DatabaseSettings s = prod(Map.of("DATABASE_URL", "postgresql://app:p%40ss%3Aw%2Fo+rd%25%F0%9F%94%91@db/tasks"));
        assertThat(s.password()).isEqualTo("p@ss:w/o+rd%\uD83D\uDD11");
    }

    @Test
    void decodesPercentEncodedUserAndName() {
        DatabaseSettings s = prod(Map.of("DATABASE_URL", "postgresql://app%2Bteam:x@db/my%20tasks"));
        assertThat(s.user()).isEqualTo("app+team");
        assertThat(s.name()).isEqualTo("my tasks");
        assertThat(s.reactiveUrl()).isEqualTo("postgresql://db:5432/my%20tasks");
    }

    @Test
    void acceptsIpv6Host() {
        DatabaseSettings s = prod(Map.of("DATABASE_URL", "postgresql://app:x@[::1]:5433/tasks"));
        assertThat(s.host()).isEqualTo("::1");
        assertThat(s.reactiveUrl()).isEqualTo("postgresql://[::1]:5433/tasks");
    }

    @Test
    void discreteVariablesAloneAreEnough() {
        DatabaseSettings s = prod(Map.of("DATABASE_HOST", "db", "DATABASE_PORT", "5433", "DATABASE_NAME", "tasks",
                "DATABASE_USER", "app", "DATABASE_PASSWORD", "secret"));
        assertThat(s.reactiveUrl()).isEqualTo("postgresql://db:5433/tasks");
        assertThat(s.user()).isEqualTo("app");
        assertThat(s.password()).isEqualTo("secret");
    }

    @Test
    void discreteVariablesOverrideUrlParts() {
        DatabaseSettings s = prod(Map.of("DATABASE_URL", "postgresql://app:old@db:5432/tasks?sslmode=disable",
                "DATABASE_HOST", "replica", "DATABASE_PORT", "6000", "DATABASE_NAME", "other",
                "DATABASE_USER", "admin", "DATABASE_PASSWORD", "new", "DATABASE_SSLMODE", "verify-full"));
        assertThat(s).extracting(DatabaseSettings::host, DatabaseSettings::port, DatabaseSettings::name,
                DatabaseSettings::user, DatabaseSettings::password, DatabaseSettings::sslMode)
                .containsExactly("replica", 6000, "other", "admin", "new", SslMode.VERIFY_FULL);
    }

    @Test
    void urlFillsWhatDiscreteVariablesLeaveOut() {
        DatabaseSettings s = prod(Map.of("DATABASE_URL", "postgresql://app:secret@db:6000/tasks", "DATABASE_NAME", "other"));
        assertThat(s.address()).isEqualTo("db:6000/other");
        assertThat(s.password()).isEqualTo("secret");
    }

    @Test
    void quarkusPropertiesCarryCredentialsSeparately() {
        Map<String, String> p = prod(Map.of("DATABASE_URL", "postgresql://app:" + CANARY + "@db/tasks?sslmode=verify-full"))
                .quarkusProperties();
        assertThat(p).containsEntry("quarkus.datasource.username", "app")
                .containsEntry("quarkus.datasource.password", CANARY)
                .containsEntry("quarkus.datasource.reactive.postgresql.ssl-mode", "verify-full")
                .containsEntry("quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS")
                .doesNotContainKey("quarkus.datasource.reactive.trust-all");
        p.forEach((key, value) -> {
            if (!key.equals("quarkus.datasource.password")) {
                assertThat(value).as(key).doesNotContain(CANARY);
            }
        });
    }

    @Test
    void requireEncryptsWithoutVerifyingLikeLibpq() {
        Map<String, String> p = prod(Map.of("DATABASE_URL", "postgresql://app:x@db/tasks?sslmode=require")).quarkusProperties();
        assertThat(p).containsEntry("quarkus.datasource.reactive.trust-all", "true");
    }

    @Test
    void nothingSetInLocalProfileMeansFallbackDatabase() {
        assertThat(resolve(Map.of(), Requirements.LOCAL)).isEmpty();
    }

    @Test
    void localProfileNeedsNoPassword() {
        DatabaseSettings s = resolve(Map.of("DATABASE_URL", "postgresql://postgres@localhost/test"), Requirements.LOCAL).orElseThrow();
        assertThat(s.password()).isNull();
        assertThat(s.quarkusProperties()).doesNotContainKey("quarkus.datasource.password");
    }

    @Test
    void rejectsMissingConfigurationInProduction() {
        assertThat(prodFailure(Map.of())).isEqualTo("DATABASE_URL or DATABASE_HOST must be set: the packaged service has no fallback database");
    }

    @Test
    void blankVariablesCountAsUnset() {
        assertThat(prodFailure(Map.of("DATABASE_URL", "  ", "DATABASE_HOST", ""))).startsWith("DATABASE_URL or DATABASE_HOST must be set");
    }

    @Test
    void rejectsMissingHost() {
        assertThat(prodFailure(Map.of("DATABASE_NAME", "tasks", "DATABASE_USER", "app", "DATABASE_PASSWORD", "x")))
                .isEqualTo("DATABASE_HOST (or a host in DATABASE_URL) must be set");
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql:///tasks"))).startsWith("DATABASE_HOST");
    }

    @Test
    void partialConfigurationIsValidatedEvenInLocalProfile() {
        assertThat(failure(Map.of("DATABASE_NAME", "tasks"), Requirements.LOCAL)).startsWith("DATABASE_HOST");
    }

    @Test
    void rejectsMissingDatabaseName() {
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql://app:x@db:5432"))).startsWith("DATABASE_NAME (or a database name in DATABASE_URL");
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql://app:x@db:5432/"))).startsWith("DATABASE_NAME");
    }

    @Test
    void rejectsMissingUser() {
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql://db/tasks"))).isEqualTo("DATABASE_USER (or a user in DATABASE_URL) must be set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://app:x@db/tasks", "jdbc:postgresql://db/tasks", "http://db/tasks"})
    void rejectsWrongScheme(String url) {
        assertThat(prodFailure(Map.of("DATABASE_URL", url))).startsWith("DATABASE_URL must start with postgres:// or postgresql://");
    }

    @Test
    void explainsThatJdbcUrlsAreNotAccepted() {
        assertThat(prodFailure(Map.of("DATABASE_URL", "jdbc:postgresql://db/tasks"))).endsWith("(not a JDBC URL: drop the jdbc: prefix)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "99999", "-1", "abc", "54 32", "5432x"})
    void rejectsPortOutsideRange(String port) {
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql://app:x@db/tasks", "DATABASE_PORT", port)))
                .startsWith("DATABASE_PORT must be a whole number from 1 to 65535");
    }

    @Test
    void rejectsUrlPortOutsideRange() {
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql://app:x@db:70000/tasks")))
                .isEqualTo("DATABASE_URL port must be a whole number from 1 to 65535 (got 70000)");
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql://app:x@db:0/tasks"))).startsWith("DATABASE_URL port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "true", "REQUIRE", "verify_full", ""})
    void rejectsUnknownSslMode(String mode) {
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql://app:x@db/tasks?sslmode=" + mode)))
                .startsWith("sslmode in DATABASE_URL must be one of disable, allow, prefer, require, verify-ca, verify-full");
    }

    @Test
    void rejectsUnknownSslModeVariable() {
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql://app:x@db/tasks", "DATABASE_SSLMODE", "strict")))
                .isEqualTo("DATABASE_SSLMODE must be one of disable, allow, prefer, require, verify-ca, verify-full");
    }

    @Test
    void rejectsUnsupportedQueryParameter() {
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql://app:x@db/tasks?connect_timeout=5")))
                .isEqualTo("DATABASE_URL has an unsupported query parameter 'connect_timeout' (only sslmode is supported)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "postgresql://app:pa ss@db/tasks",
        "postgresql://app:p@ss@db/tasks",
        "postgresql://app:x@db:port/tasks",
        "postgresql://app:x@db/tasks#frag",
        "postgresql://app:x@db/ta{sks"
    })
    void rejectsMalformedUrl(String url) {
        assertThat(prodFailure(Map.of("DATABASE_URL", url))).startsWith("DATABASE_URL is not a valid URL: expected postgresql://");
    }

    @Test
    void rejectsInvalidPercentEncoding() {
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql://app:bad%zz@db/tasks")))
                .startsWith("DATABASE_URL is not a valid URL");
    }

    @Test
    void rejectsPathWithSeveralSegments() {
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql://app:x@db/tasks/extra"))).startsWith("DATABASE_URL path must be a single database name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://db", "db:5432", "db/tasks", "user@db", "-db", "db name"})
    void rejectsHostWithSchemePortOrPath(String host) {
        assertThat(prodFailure(Map.of("DATABASE_HOST", host, "DATABASE_NAME", "t", "DATABASE_USER", "u", "DATABASE_PASSWORD", "p")))
                .isEqualTo("DATABASE_HOST must be a host name or IP address, without scheme, port or path");
    }

    @Test
    void rejectsEmptyPasswordWhereRequired() {
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql://app@db/tasks")))
                .isEqualTo("DATABASE_PASSWORD (or a password in DATABASE_URL) must not be empty: this profile requires password authentication");
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql://app:@db/tasks"))).startsWith("DATABASE_PASSWORD");
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql://app:x@db/tasks", "DATABASE_PASSWORD", ""))).startsWith("DATABASE_PASSWORD");
    }

    @Test
    void rejectsOverlongName() {
        assertThat(prodFailure(Map.of("DATABASE_URL", "postgresql://app:x@db/" + "n".repeat(64))))
                .isEqualTo("DATABASE_NAME must be at most 63 bytes long");
    }

    @Test
    void toStringNeverShowsPassword() {
        DatabaseSettings s = prod(Map.of("DATABASE_URL", "postgresql://app:" + CANARY + "@db/tasks"));
        assertThat(s.toString()).doesNotContain(CANARY).contains("<redacted>");
        assertThat(DatabaseUrl.parse("postgresql://app:" + CANARY + "@db/tasks").toString()).doesNotContain(CANARY);
    }

    /** Every failure a user can provoke, with the canary in the password: no message may contain it. */
    @ParameterizedTest
    @ValueSource(strings = {
        "postgresql://app:%s@db:70000/tasks",
        "postgresql://app:%s@db:0/tasks",
        "mysql://app:%s@db/tasks",
        "postgresql://app:%s@@db/tasks",
        "postgresql://app:%s@db/tasks?sslmode=%s",
        "postgresql://app:%s@db/tasks?%s=1",
        "postgresql://app:%s@db/tasks#%s",
        "postgresql://app:%s%%zz@db/tasks",
        "postgresql://app:%s@db",
        "postgresql://:%s@db/tasks",
        "postgresql://app:%s@db/a/b",
        "postgresql://app:%s @db/tasks",
        "%s://app@db/tasks",
        "postgresql:%s"
    })
    void noFailureMessageContainsThePassword(String template) {
        String url = template.replace("%s%%", CANARY + "%").replace("%s", CANARY);
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", url);
        String message = prodFailure(env);
        assertThat(message).doesNotContain(CANARY).doesNotContain("app:");
    }

    @Test
    void noFailureMessageContainsTheDiscretePassword() {
        Map<String, String> env = Map.of("DATABASE_HOST", "db", "DATABASE_PORT", "99999", "DATABASE_USER", "app",
                "DATABASE_PASSWORD", CANARY, "DATABASE_NAME", "t");
        assertThat(prodFailure(env)).doesNotContain(CANARY);
    }
}
