package io.taskservice.task;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import io.taskservice.database.Sort;
import io.taskservice.task.graph.TaskNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Database access for tasks and subtasks as managed entities (to be changed), the numbering of new tasks and the
 * whole-tag graph; the API's reads, as {@link TaskRow} projections, are in {@link TaskReadRepository}. Lists come
 * in Task Master order by default: numeric ids by number, then slugs.
 */
@ApplicationScoped
public class TaskRepository implements PanacheRepository<Task> {

    /** Sortable fields of the task list: public name to query expression. */
    public static final Map<String, Sort.Column> SORTABLE = Map.of(
            "id", new Sort.Column("t.sortKey", String.class),
            "title", new Sort.Column("t.title", String.class),
            "status", new Sort.Column("cast(t.status as String)", String.class),
            "priority", new Sort.Column("(case t.priority when io.taskservice.task.TaskPriority.CRITICAL then 4"
                    + " when io.taskservice.task.TaskPriority.HIGH then 3 when io.taskservice.task.TaskPriority.MEDIUM then 2"
                    + " when io.taskservice.task.TaskPriority.LOW then 1 else 0 end)", Integer.class),
            "createdAt", new Sort.Column("t.createdAt", OffsetDateTime.class),
            "updatedAt", new Sort.Column("t.updatedAt", OffsetDateTime.class));
    public static final String DEFAULT_SORT = "id";

    /** A top-level task of a tag by its key. */
    private static final String TOP_LEVEL = "tag.id = ?1 and parent is null and key = ?2";


    /** The value a row has for a {@link #SORTABLE} field, for its keyset cursor. */
    public static Object sortValue(TaskRow row, String field) {
        return switch (field) {
            case "id" -> row.sortKey();
            case "title" -> row.title();
            case "status" -> row.status().value();
            case "priority" -> row.priority() == null ? 0 : row.priority().rank();
            case "createdAt" -> row.createdAt();
            case "updatedAt" -> row.updatedAt();
            default -> throw new IllegalArgumentException("not sortable: " + field);
        };
    }

    /** The managed entity of a task or subtask, or null. */
    public Uni<Task> findEntity(long tagId, TaskId id) {
        return byTaskIdQuery(tagId, id).firstResult();
    }

    /** As {@link #findEntity}, with the row locked until the transaction ends (a version check that holds). */
    public Uni<Task> findEntityForUpdate(long tagId, TaskId id) {
        return byTaskIdQuery(tagId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private PanacheQuery<Task> byTaskIdQuery(long tagId, TaskId id) {
        return id.isSubtask()
                ? find("tag.id = ?1 and parent.key = ?2 and parent.parent is null and key = ?3", tagId, id.parentKey(), id.key())
                : find(TOP_LEVEL, tagId, id.key());
    }

    /** The next free number at a level: one more than the highest numeric key (1 when there is none). */
    public Uni<String> nextKey(long tagId, Task parent) {
        return maxAtLevel("t.keyNumber", Long.class, tagId, parent).map(max -> Long.toString(max == null ? 1 : max + 1));
    }

    /** The position after the last task at a level, so new tasks go last in exports. */
    public Uni<Integer> nextPosition(long tagId, Task parent) {
        return maxAtLevel("t.position", Integer.class, tagId, parent).map(max -> max == null ? 0 : max + 1);
    }

    /** The largest value of {@code expression} among a tag's top-level tasks, or among a parent's subtasks. */
    private static <T> Uni<T> maxAtLevel(String expression, Class<T> type, long tagId, Task parent) {
        String level = parent == null ? "t.parent is null" : "t.parent.id = :parent";
        return session().chain(s -> {
            Mutiny.SelectionQuery<T> query = s.createSelectionQuery(
                    "select max(" + expression + ") from Task t where t.tag.id = :tag and " + level, type).setParameter("tag", tagId);
            if (parent != null) {
                query.setParameter("parent", parent.id);
            }
            return query.getSingleResultOrNull();
        });
    }

    public Uni<Task> findTopLevel(long tagId, String key) {
        return find(TOP_LEVEL, tagId, key).firstResult();
    }

    public Uni<Task> findSubtask(long parentId, String key) {
        return find("parent.id = ?1 and key = ?2", parentId, key).firstResult();
    }

    public Uni<List<Task>> listTopLevel(long tagId) {
        return list("tag.id = ?1 and parent is null order by sortKey, id", tagId);
    }

    public Uni<List<Task>> listSubtasks(long parentId) {
        return list("parent.id = ?1 order by sortKey, id", parentId);
    }

    /**
     * A tag's tasks and their subtasks as Task Master's rules see them: in task-list order, with every dependency
     * as written (resolved ones name their target; unresolved ones are resolved from their text the way Task
     * Master does). Deeper levels, which Task Master does not read, are left out. Three queries.
     */
    public Uni<List<TaskNode>> loadGraph(long tagId) {
        return session().chain(s -> s.createSelectionQuery(
                        "select t.id, t.key, p.id, p.key, t.title, t.status, t.priority from Task t left join t.parent p"
                                + " where t.tag.id = :tag and (p is null or p.parent is null) order by t.position, t.id",
                        Object[].class).setParameter("tag", tagId).getResultList()
                .chain(tasks -> s.createSelectionQuery(
                                "select d.id.taskId, d.position, d.written, d.writtenAsNumber, t.key, p.key from TaskDependency d"
                                        + " join Task t on t.id = d.id.dependsOnId left join t.parent p where d.tagId = :tag",
                                Object[].class).setParameter("tag", tagId).getResultList()
                        .chain(resolved -> s.createSelectionQuery(
                                        "select u.id.taskId, u.id.position, u.written, u.writtenAsNumber from UnresolvedDependency u,"
                                                + " Task t where t.id = u.id.taskId and t.tag.id = :tag", Object[].class)
                                .setParameter("tag", tagId).getResultList()
                                .map(unresolved -> TaskGraphRows.toNodes(tasks, resolved, unresolved)))));
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
