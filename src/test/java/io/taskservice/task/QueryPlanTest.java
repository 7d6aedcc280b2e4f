package io.taskservice.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.taskservice.support.ApiFixtures;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The query plans of the hot read paths on a 10,000-task tag (with 20,000 subtasks, in a table that holds nine
 * other tags of 10,000 tasks, beside 1,000 other projects). Each test sends real requests, captures the statements Hibernate sends
 * for them ({@link SqlStatementCapture}: the same SQL, not a copy), and has PostgreSQL plan each one as a
 * prepared statement's generic plan, the plan the pool's cached prepared statements settle on: one-row lookups
 * must read through unique indexes only, pages in index order under their LIMIT, and nothing may read a whole
 * task table. Plans, not timings: deterministic; timings are in docs/performance.md.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTest {

    private static final Set<String> TASK_TABLES = Set.of("task", "task_dependency", "task_dependency_unresolved");
    /** The tables no hot path may read whole (task_dependency_unresolved is small: a few rows a file, if any). */
    private static final Set<String> LARGE_TABLES = Set.of("task", "task_dependency", "project", "tag");
    /** The indexes that find one row (or one task's dependencies) of the task tables. */
    private static final Set<String> UNIQUE_INDEXES = Set.of("task_pkey", "task_id_tag_unique", "task_key_unique_top_level",
            "task_key_unique_in_parent", "task_dependency_pkey", "task_dependency_unresolved_pkey");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    private String project;
    private String tasks;

    /** Once, before the first test (RestAssured knows the test port only then, not in a {@code @BeforeAll}). */
    @BeforeEach
    void seedLargeTag() {
        if (project != null) {
            return;
        }
        project = ApiFixtures.projectWithMasterTag("plans");
        tasks = ApiFixtures.masterTasks(project);
        long tag = query("select g.id from tag g join project p on p.id = g.project_id where p.project_key = '" + project
                + "' and g.name = 'master'").getFirst().getLong(0);
        // Other projects and tags, so that the lookups by key face tables of some size, as in production.
        execute("insert into project (project_key, name) select '" + project + "-filler-' || i, 'Filler' from generate_series(1, 1000) i");
        execute("insert into tag (project_id, name) select p.id, 'tag-' || k from project p, generate_series(1, 3) k"
                + " where p.project_key like '" + project + "-filler-%'");
        execute("insert into tag (project_id, name) select id, 'other-' || k from project, generate_series(1, 9) k"
                + " where project_key = '" + project + "'");
        execute("insert into task (tag_id, task_key, title, status, position) select g.id, i::text, 'Other ' || i,"
                + " (array['pending','done','in-progress'])[1 + i % 3], i from tag g, generate_series(1, 10000) i"
                + " where g.project_id = (select id from project where project_key = '" + project + "') and g.name like 'other-%'");
        execute("analyze task");
        // Their dependencies, resolved and kept as written, so those tables are of production scale too.
        execute("insert into task_dependency (task_id, depends_on_id, tag_id, position, written, written_as_number)"
                + " select t.id, d.id, t.tag_id, 0, d.task_key, true from task t join task d on d.tag_id = t.tag_id"
                + " and d.key_number = t.key_number - 1 join tag g on g.id = t.tag_id where g.name like 'other-%'"
                + " and g.project_id = (select id from project where project_key = '" + project + "')");
        execute("insert into task_dependency_unresolved (task_id, position, written, written_as_number)"
                + " select t.id, 1, 'gone-' || t.task_key, false from task t join tag g on g.id = t.tag_id"
                + " where g.name like 'other-%' and t.key_number % 10 = 0"
                + " and g.project_id = (select id from project where project_key = '" + project + "')");
        seed(tag);
        for (String table : List.of("project", "tag", "task", "task_dependency", "task_dependency_unresolved")) {
            execute("vacuum analyze " + table);
        }
    }

    /** 10,000 tasks of realistic size, two subtasks each, dependencies of both kinds. */
    private void seed(long tag) {
        execute("insert into task (tag_id, task_key, title, description, details, status, priority, position)"
                + " select " + tag + ", i::text, 'Task ' || i || ' ' || repeat('t', 30), repeat('d', 200), repeat('x', 800),"
                + " (array['pending','pending','pending','in-progress','done','done','review'])[1 + i % 7],"
                + " (array['low','medium','high','critical'])[1 + i % 4], i from generate_series(1, 10000) i");
        execute("insert into task (tag_id, parent_id, task_key, title, status, position)"
                + " select t.tag_id, t.id, s::text, 'Subtask ' || s, (array['pending','done','in-progress'])[1 + (t.id + s) % 3], s"
                + " from task t, generate_series(1, 2) s where t.tag_id = " + tag + " and t.parent_id is null");
        execute("analyze task");
        execute("insert into task_dependency (task_id, depends_on_id, tag_id, position, written, written_as_number)"
                + " select t.id, d.id, t.tag_id, k, d.task_key, true from task t, generate_series(1, 2) k, task d"
                + " where t.tag_id = " + tag + " and t.parent_id is null and d.tag_id = t.tag_id and d.parent_id is null"
                + " and d.task_key = (t.task_key::int - k * 3)::text");
        execute("insert into task_dependency (task_id, depends_on_id, tag_id, position, written, written_as_number)"
                + " select s2.id, s1.id, s2.tag_id, 0, '1', true from task s2 join task s1 on s1.parent_id = s2.parent_id"
                + " where s2.tag_id = " + tag + " and s2.task_key = '2' and s1.task_key = '1'");
        execute("insert into task_dependency_unresolved (task_id, position, written, written_as_number)"
                + " select id, 5, '99999', true from task where tag_id = " + tag + " and parent_id is null and key_number % 50 = 0");
    }

    @AfterAll
    void removeSeed() {
        if (project == null) {
            return;
        }
        execute("delete from project where project_key like '" + project + "%'");
    }

    @Test
    void oneTaskIsReadThroughUniqueIndexes() {
        for (String id : List.of("5000", "5000.2")) {
            List<String> statements = statementsOf(() -> given().get(tasks + "/" + id).then().statusCode(200));
            assertThat(statements).as("GET %s", id).hasSizeBetween(1, 2);
            statements.forEach(this::assertReadThroughUniqueIndexes);
        }
    }

    @Test
    void aPageOfFiftyReadsFiftyEntriesOfAnIndexInOrder() {
        for (String query : List.of("?size=50&page=40", "?status=in-progress&size=50&page=10")) {
            List<String> statements = statementsOf(() -> given().get(tasks + query).then().statusCode(200));
            List<String> pages = statements.stream().filter(sql -> sql.toLowerCase(Locale.ROOT).contains(" offset ")).toList();
            assertThat(pages).as("%s: %s", query, statements).hasSize(1);
            JsonNode page = explain(pages.getFirst());
            String shown = pages.getFirst() + "\n" + page.toPrettyString();
            // The page's ids under a LIMIT, in the order of an index: no sort of the tag's rows, no bitmap.
            assertThat(page.path("Node Type").asText()).as(shown).isEqualTo("Limit");
            assertThat(nodeTypes(page)).as(shown).doesNotContain("Sort", "Incremental Sort", "Bitmap Heap Scan", "Seq Scan");
            assertThat(scans(page)).as(shown).filteredOn(scan -> scan.relation().equals("task")).singleElement()
                    .satisfies(scan -> assertThat(scan.index()).isIn("task_tag_sort", "task_tag_status_order"));
            // Then the page's rows and dependencies, each by its key; the total through an index.
            for (String sql : statements) {
                if (!sql.equals(pages.getFirst()) && !sql.contains("count(")) {
                    assertReadThroughUniqueIndexes(sql);
                }
            }
            for (String sql : statements) {
                assertNoSequentialScanOfTaskTables(sql);
            }
        }
    }

    @Test
    void nextReadsNoWholeTaskTable() {
        List<String> statements = statementsOf(() -> given().get("/api/projects/" + project + "/tags/master/next")
                .then().statusCode(200));
        assertThat(statements).isNotEmpty();
        statements.forEach(this::assertNoSequentialScanOfTaskTables);
    }

    /**
     * Creating a task without an id numbers it one above the level's highest number and places it last: both maxima
     * must come from the end of an index (PostgreSQL's min/max optimisation: one entry under a LIMIT), not from an
     * aggregate over the tag's 10,000 top-level tasks, which all creates of a tag wait for under its lock.
     */
    @Test
    void creatingATaskReadsOneIndexEntryForEachMaximum() {
        List<String> statements = statementsOf(() -> given().contentType(ContentType.JSON).body("{\"title\":\"New\"}")
                .post(tasks).then().statusCode(201));
        List<String> maxima = statements.stream().filter(sql -> sql.toLowerCase(Locale.ROOT).contains("max(")).toList();
        assertThat(maxima).as("%s", statements).hasSize(2);
        for (String sql : maxima) {
            JsonNode plan = explain(sql);
            assertThat(nodeTypes(plan)).as("%s%n%s", sql, plan.toPrettyString()).contains("Limit")
                    .doesNotContain("Seq Scan", "Bitmap Heap Scan");
        }
        statements.forEach(this::assertNoSequentialScanOfTaskTables);
    }

    /**
     * Every table read through an index; the task tables through one that finds a row (or a task's dependencies) by
     * its key: a lookup, or a bitmap of lookups for a list of keys.
     */
    private void assertReadThroughUniqueIndexes(String sql) {
        JsonNode plan = explain(sql);
        assertThat(scans(plan)).as("%s%n%s", sql, plan.toPrettyString()).allSatisfy(scan -> {
            assertThat(scan.type()).isIn("Index Scan", "Index Only Scan", "Bitmap Heap Scan");
            if (TASK_TABLES.contains(scan.relation())) {
                assertThat(scan.index().split(",")).allSatisfy(index -> assertThat(index).isIn(UNIQUE_INDEXES));
            }
        });
    }

    private void assertNoSequentialScanOfTaskTables(String sql) {
        JsonNode plan = explain(sql);
        assertThat(scans(plan)).as("%s%n%s", sql, plan.toPrettyString())
                .noneSatisfy(scan -> assertThat(scan.type().equals("Seq Scan") && LARGE_TABLES.contains(scan.relation())).isTrue());
    }

    private List<String> statementsOf(Runnable request) {
        request.run(); // warm: the first run may load metadata
        try (SqlStatementCapture capture = new SqlStatementCapture()) {
            request.run();
            return capture.drain().stream().filter(sql -> {
                String s = sql.strip().toLowerCase(Locale.ROOT);
                return s.startsWith("select") || s.startsWith("with") || s.startsWith("(select");
            }).toList();
        }
    }

    /** A scan node of a plan: its type, table, alias and index (empty when none). */
    record Scan(String type, String relation, String alias, String index) {
    }

    private static List<Scan> scans(JsonNode plan) {
        List<Scan> found = new ArrayList<>();
        walk(plan, node -> {
            if (node.has("Relation Name")) {
                // A bitmap heap scan reads through the index of its bitmap index scan(s) (not of its InitPlans).
                List<String> indexes = new ArrayList<>();
                walk(node, child -> {
                    if (child.has("Index Name") && (child == node || child.path("Node Type").asText().startsWith("Bitmap"))) {
                        indexes.add(child.path("Index Name").asText());
                    }
                });
                found.add(new Scan(node.path("Node Type").asText(), node.path("Relation Name").asText(),
                        node.path("Alias").asText(), indexes.isEmpty() ? "" : String.join(",", indexes)));
            }
        });
        return found;
    }

    private static List<String> nodeTypes(JsonNode plan) {
        List<String> types = new ArrayList<>();
        walk(plan, node -> types.add(node.path("Node Type").asText()));
        return types;
    }

    private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
        visit.accept(node);
        node.path("Plans").forEach(child -> walk(child, visit));
    }

    /**
     * The generic plan of {@code sql} as a prepared statement: the plan that does not depend on parameter values,
     * which PostgreSQL settles on for a statement the pool keeps prepared.
     */
    private JsonNode explain(String sql) {
        int parameters = 0;
        Matcher placeholder = PLACEHOLDER.matcher(sql);
        while (placeholder.find()) {
            parameters = Math.max(parameters, Integer.parseInt(placeholder.group(1)));
        }
        String values = String.join(", ", java.util.Collections.nCopies(parameters, "null"));
        String explain = "explain (format json) execute hot_path" + (parameters == 0 ? "" : "(" + values + ")");
        return pool.withConnection(connection -> connection.query("prepare hot_path as " + sql).execute()
                        .chain(() -> connection.query("set plan_cache_mode = force_generic_plan").execute())
                        .chain(() -> connection.query(explain).execute())
                        .call(() -> connection.query("deallocate hot_path").execute())
                        .call(() -> connection.query("reset plan_cache_mode").execute()))
                .map(rows -> {
                    try {
                        return JSON.readTree(String.valueOf(rows.iterator().next().getValue(0))).get(0).get("Plan");
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .await().atMost(Duration.ofSeconds(30));
    }

    /**
     * Runs {@code sql} on a pooled connection without the pool's statement timeout (8 s): seeding 100,000 tasks takes
     * longer than that on a busy machine (in CI, a PostgreSQL container). RESET gives the connection its configured
     * timeout back.
     */
    private List<Row> query(String sql) {
        List<Row> rows = new ArrayList<>();
        pool.withConnection(c -> c.query("set statement_timeout = 0").execute()
                        .chain(() -> c.query(sql).execute())
                        .call(() -> c.query("reset statement_timeout").execute()))
                .await().atMost(Duration.ofMinutes(5)).forEach(rows::add);
        return rows;
    }

    private void execute(String sql) {
        query(sql);
    }
}
