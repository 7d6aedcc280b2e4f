package io.taskservice.taskmaster;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.taskservice.taskmaster.TaskFileRows.DependencyRow;
import io.taskservice.taskmaster.TaskFileRows.TagRow;
import io.taskservice.taskmaster.TaskFileRows.TaskRow;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Database access for import and export: whole task lists in a few statements, within the caller's session and
 * transaction.
 *
 * <p>Writes do not go through entities: with IDENTITY keys Hibernate Reactive inserts one row per round trip,
 * over a thousand for the largest real file. Instead the store allocates all ids of a table in one query from
 * its identity sequence (the rows reference each other: a subtask its parent, a dependency both tasks), then
 * inserts all rows of a table with one {@code insert ... select from unnest(:columns)}, one array parameter per
 * column ({@link TaskFilePayloads}). JSON columns travel as text arrays cast to {@code jsonb[]}, which keeps every
 * value exact (numbers inside {@code extra} included; bound as {@code jsonb}, the driver would send a Java string as
 * a JSON string). Reads use native projections, one query per table over the whole project, and pass {@code jsonb}
 * as text for the same exactness.
 */
@ApplicationScoped
public class TaskFileStore {

    private final Vertx vertx;

    public TaskFileStore(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The project's id, or null. */
    public Uni<Long> findProject(String key) {
        return session().chain(s -> s.createNativeQuery("select id from project where project_key = :key", Long.class)
                .setParameter("key", key).getSingleResultOrNull());
    }

    /**
     * The project's id, created (name = key) when missing. A concurrent import creating the same project waits for
     * the other transaction and then finds its row.
     */
    public Uni<Long> findOrCreateProject(String key) {
        return findProject(key).onItem().ifNull().switchTo(() -> session().chain(s -> s.createNativeQuery(
                        "insert into project (project_key, name) values (:key, :key)"
                                + " on conflict (project_key) do nothing returning id", Long.class)
                .setParameter("key", key).getSingleResultOrNull()))
                .onItem().ifNull().switchTo(() -> findProject(key));
    }

    /** Which of {@code names} the project has as tags, in tag id order. */
    public Uni<List<String>> existingTags(long projectId, List<String> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session().chain(s -> s.createNativeQuery(
                        "select name from tag where project_id = :project and name in (:names) order by id", String.class)
                .setParameter("project", projectId).setParameter("names", names).getResultList());
    }

    /** Deletes the project's tags of these names with their tasks and dependencies (the schema's cascades). */
    public Uni<Integer> deleteTags(long projectId, List<String> names) {
        return session().chain(s -> s.createNativeQuery("delete from tag where project_id = :project and name in (:names)")
                .setParameter("project", projectId).setParameter("names", names).executeUpdate());
    }

    /**
     * Inserts planned rows (local ids, see {@link TaskFileMapping#toRows}) into the project: two queries allocate the
     * ids, then one statement per table. Turning tens of thousands of rows into JSON text is CPU work: it runs on a
     * worker thread, and the statements continue on this request's context (and session) afterwards.
     */
    public Uni<Void> insert(long projectId, TaskFileRows rows) {
        return allocate("tag", rows.tags().size()).chain(tagIds -> allocate("task", rows.tasks().size())
                .chain(taskIds -> vertx.executeBlocking(Uni.createFrom().item(() -> TaskFilePayloads.of(rows, tagIds, taskIds)))))
                .chain(payloads -> insertTags(projectId, payloads)
                        .chain(() -> insertTasks(payloads))
                        .chain(() -> insertDependencies(payloads)));
    }

    /** {@code count} fresh ids of a table from its identity sequence, in one query. */
    private Uni<List<Long>> allocate(String table, int count) {
        if (count == 0) {
            return Uni.createFrom().item(List.of());
        }
        return session().chain(s -> s.createNativeQuery(
                        "select nextval(pg_get_serial_sequence(:table, 'id')) from generate_series(1, :count)", Long.class)
                .setParameter("table", table).setParameter("count", count).getResultList());
    }

    private Uni<Void> insertTags(long projectId, TaskFilePayloads payloads) {
        TaskFilePayloads.TagColumns c = payloads.tags();
        return execute(c == null, """
                insert into tag (id, project_id, name, metadata, extra)
                select r.id, :project, r.name, r.metadata, r.extra
                  from unnest(cast(:id as bigint[]), cast(:name as text[]), cast(cast(:metadata as text[]) as jsonb[]),
                              cast(cast(:extra as text[]) as jsonb[])) as r(id, name, metadata, extra)
                """, query -> query.setParameter("project", projectId).setParameter("id", c.id()).setParameter("name", c.name())
                .setParameter("metadata", c.metadata()).setParameter("extra", c.extra()));
    }

    /** Parents come before their subtasks; the foreign keys are checked at the end of the statement anyway. */
    private Uni<Void> insertTasks(TaskFilePayloads payloads) {
        TaskFilePayloads.TaskColumns c = payloads.tasks();
        return execute(c == null, """
                insert into task (id, tag_id, parent_id, task_key, title, description, details, test_strategy, status,
                                  priority, position, extra, written_shape)
                select * from unnest(cast(:id as bigint[]), cast(:tag as bigint[]), cast(:parent as bigint[]),
                       cast(:key as text[]), cast(:title as text[]), cast(:description as text[]), cast(:details as text[]),
                       cast(:testStrategy as text[]), cast(:status as text[]), cast(:priority as text[]),
                       cast(:position as integer[]), cast(cast(:extra as text[]) as jsonb[]), cast(cast(:shape as text[]) as jsonb[]))
                """, query -> query.setParameter("id", c.id()).setParameter("tag", c.tagId()).setParameter("parent", c.parentId())
                .setParameter("key", c.key()).setParameter("title", c.title()).setParameter("description", c.description())
                .setParameter("details", c.details()).setParameter("testStrategy", c.testStrategy())
                .setParameter("status", c.status()).setParameter("priority", c.priority())
                .setParameter("position", c.position()).setParameter("extra", c.extra()).setParameter("shape", c.writtenShape()));
    }

    private Uni<Void> insertDependencies(TaskFilePayloads payloads) {
        TaskFilePayloads.DependencyColumns resolved = payloads.resolved();
        TaskFilePayloads.DependencyColumns unresolved = payloads.unresolved();
        return execute(resolved == null, """
                insert into task_dependency (task_id, depends_on_id, tag_id, position, written, written_as_number)
                select * from unnest(cast(:task as bigint[]), cast(:target as bigint[]), cast(:tag as bigint[]),
                       cast(:position as smallint[]), cast(:written as text[]), cast(:asNumber as boolean[]))
                """, query -> query.setParameter("task", resolved.taskId()).setParameter("target", resolved.dependsOnId())
                .setParameter("tag", resolved.tagId()).setParameter("position", resolved.position())
                .setParameter("written", resolved.written()).setParameter("asNumber", resolved.writtenAsNumber()))
                .chain(() -> execute(unresolved == null, """
                        insert into task_dependency_unresolved (task_id, position, written, written_as_number)
                        select * from unnest(cast(:task as bigint[]), cast(:position as smallint[]), cast(:written as text[]),
                               cast(:asNumber as boolean[]))
                        """, query -> query.setParameter("task", unresolved.taskId()).setParameter("position", unresolved.position())
                        .setParameter("written", unresolved.written()).setParameter("asNumber", unresolved.writtenAsNumber())));
    }

    private Uni<Void> execute(boolean nothingToDo, String sql, Function<Mutiny.MutationQuery, Mutiny.MutationQuery> parameters) {
        if (nothingToDo) {
            return Uni.createFrom().voidItem();
        }
        return session().chain(s -> parameters.apply(s.createNativeQuery(sql)).executeUpdate()).replaceWithVoid();
    }

    /** The project's whole tree as rows: four queries (tags, tasks, both dependency tables in one). */
    public Uni<TaskFileRows> load(long projectId) {
        return session().chain(s -> s.createNativeQuery("""
                        select id, name, cast(metadata as text), cast(extra as text)
                          from tag where project_id = :project order by id
                        """, Object[].class).setParameter("project", projectId).getResultList()
                .chain(tags -> s.createNativeQuery("""
                                select t.id, t.tag_id, t.parent_id, t.task_key, t.title, t.description, t.details,
                                       t.test_strategy, t.status, t.priority, t.position, cast(t.extra as text),
                                       cast(t.written_shape as text)
                                  from task t join tag g on g.id = t.tag_id
                                 where g.project_id = :project
                                """, Object[].class).setParameter("project", projectId).getResultList()
                        .chain(tasks -> s.createNativeQuery("""
                                        select d.task_id, d.position, d.depends_on_id, d.written, d.written_as_number
                                          from task_dependency d join tag g on g.id = d.tag_id
                                         where g.project_id = :project
                                        union all
                                        select u.task_id, u.position, null, u.written, u.written_as_number
                                          from task_dependency_unresolved u join task t on t.id = u.task_id
                                               join tag g on g.id = t.tag_id
                                         where g.project_id = :project
                                        """, Object[].class).setParameter("project", projectId).getResultList()
                                .map(dependencies -> rows(tags, tasks, dependencies)))));
    }

    private static TaskFileRows rows(List<Object[]> tags, List<Object[]> tasks, List<Object[]> dependencies) {
        return new TaskFileRows(
                tags.stream().map(r -> new TagRow(number(r[0]), (String) r[1], JsonColumn.object((String) r[2]),
                        JsonColumn.object((String) r[3]))).toList(),
                tasks.stream().map(r -> new TaskRow(number(r[0]), number(r[1]), r[2] == null ? null : number(r[2]),
                        (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                        (String) r[9], ((Number) r[10]).intValue(), JsonColumn.object((String) r[11]),
                        JsonColumn.object((String) r[12]))).toList(),
                dependencies.stream().map(r -> new DependencyRow(number(r[0]), ((Number) r[1]).intValue(),
                        r[2] == null ? null : number(r[2]), (String) r[3], (Boolean) r[4])).toList());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
