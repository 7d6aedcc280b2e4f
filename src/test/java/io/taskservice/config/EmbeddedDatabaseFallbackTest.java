package io.taskservice.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Without DATABASE_* and without a container engine, dev mode and tests start an embedded PostgreSQL.
 * Forced here with {@code task-service.local-database=embedded}, since this machine has an engine.
 */
@QuarkusTest
@TestProfile(EmbeddedDatabaseFallbackTest.Embedded.class)
class EmbeddedDatabaseFallbackTest {

    /** Chooses the embedded database as a machine without Docker or Podman would. */
    public static class Embedded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("task-service.local-database", "embedded");
        }
    }

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String reactiveUrl;

    @Inject
    Pool pool;

    @Test
    void datasourcePointsAtTheEmbeddedDatabase() {
        String port = System.getProperty("task-service.embedded-postgres.port");
        assertThat(port).as("embedded PostgreSQL started").isNotNull();
        assertThat(reactiveUrl).isEqualTo("postgresql://localhost:" + port + "/postgres");
    }

    @Test
    void embeddedDatabaseIsMigratedAndServesQueries() {
        long tables = pool.query("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('project', 'tag', 'task', 'task_dependency')")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        assertThat(tables).isEqualTo(4);
    }
}
