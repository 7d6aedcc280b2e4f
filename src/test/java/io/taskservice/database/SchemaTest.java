package io.taskservice.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Flyway created the schema at start, and Hibernate validated its mapping against it: with
 * {@code schema-management.strategy=validate}, a mapping that disagrees with the migrated schema stops start-up,
 * so this test class starting at all is the validation; the assertions pin the setup down.
 */
@QuarkusTest
class SchemaTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.hibernate-orm.schema-management.strategy")
    String schemaManagement;

    private List<Row> query(String sql) {
        List<Row> rows = new ArrayList<>();
        pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        return rows;
    }

    @Test
    void hibernateValidatesTheMappingAgainstTheMigratedSchema() {
        assertThat(schemaManagement).isEqualTo("validate");
    }

    @Test
    void flywayAppliedEveryMigrationSuccessfully() {
        List<Row> applied = query("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
        assertThat(applied).isNotEmpty().allSatisfy(row -> assertThat(row.getBoolean("success")).isTrue());
        assertThat(applied.get(0).getString("version")).isEqualTo("1");
    }

    @Test
    void domainTablesExist() {
        List<String> tables = query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
                .stream().map(row -> row.getString(0)).toList();
        assertThat(tables).contains("project", "tag", "task", "task_dependency");
    }
}
