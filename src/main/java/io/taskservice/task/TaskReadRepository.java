package io.taskservice.task;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.taskservice.database.Cursor;
import io.taskservice.database.Sort;
import io.taskservice.database.Where;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The API's reads of tasks, as {@link TaskRow} projections (no managed entities), addressed by project key and
 * tag name: the tag is a scalar subquery of each statement, so a read costs one round trip, not a tag lookup
 * first. Every predicate is written so that an index serves it: {@code t.parent.id is null} (the column, which the
 * partial index {@code task_key_unique_top_level} matches), never a left join to the parent tested for null.
 * {@code QueryPlanTest} checks the plans of these statements.
 */
@ApplicationScoped
public class TaskReadRepository {

    /** The tag's id by project key and tag name (parameters {@code project}, {@code tagName}). */
    static final String TAG_BY_KEYS = "(select g.id from Tag g where g.project.key = :project and g.name = :tagName)";

    private static final String COLUMNS = "t.title, t.description, t.details, t.testStrategy, t.status, t.priority, t.extra,"
            + " t.sortKey, t.createdAt, t.updatedAt, t.version)";
    private static final String ROW = "select new io.taskservice.task.TaskRow(t.id, t.key, p.key, " + COLUMNS
            + " from Task t left join t.parent p";
    /**
     * A top-level task's row: no join to a parent, because with one Hibernate writes {@code t.parent is null} as
     * {@code p.id is null}, which no index serves.
     */
    private static final String TOP_LEVEL_ROW = "select new io.taskservice.task.TaskRow(t.id, t.key, cast(null as String), "
            + COLUMNS + " from Task t";

    /**
     * Both kinds of dependency of some tasks in one statement: (task id, position, key, parent key), where a
     * resolved one names its target's key and parent key, an unresolved one its written text (and no parent).
     */
    private static final String DEPENDENCIES = "select d.id.taskId, d.position, x.key, xp.key from TaskDependency d"
            + " join Task x on x.id = d.id.dependsOnId left join x.parent xp where d.id.taskId in :ids"
            + " union all select u.id.taskId, u.id.position, u.written, cast(null as String) from UnresolvedDependency u"
            + " where u.id.taskId in :ids";

    /** One task or subtask by Task Master id, as a row; null when the project, the tag or the task is absent. */
    public Uni<TaskRow> findRow(String project, String tagName, TaskId id) {
        Where where = byKeys(project, tagName).and("t.key = :key", "key", id.key());
        String hql;
        if (id.isSubtask()) {
            where.and("p.key = :parentKey", "parentKey", id.parentKey()).and("p.parent.id is null");
            hql = ROW + where.clause();
        } else {
            hql = TOP_LEVEL_ROW + where.and("t.parent.id is null").clause();
        }
        return session().chain(s -> select(s, hql, where).getSingleResultOrNull());
    }

    /** One task or subtask by its row id (a primary key lookup), as a row; null when absent. */
    public Uni<TaskRow> findRow(long taskId) {
        Where where = new Where().and("t.id = :id", "id", taskId);
        return session().chain(s -> select(s, ROW + where.clause(), where).getSingleResultOrNull());
    }

    /**
     * One page of rows: an offset page when {@code after} is null, else the rows strictly after it. Two statements:
     * the page's ids in index order (an index-only scan), then their rows by primary key.
     */
    public Uni<List<TaskRow>> search(String project, String tagName, TaskFilter filter, Sort sort, Cursor after, int offset,
            int limit) {
        Where where = filtered(project, tagName, filter);
        if (after != null) {
            where.and(sort.after("t.id")).parameter("afterValue", after.sortValue()).parameter("afterId", after.id());
        }
        String ids = "select t.id" + from(filter) + where.clause() + " order by " + sort.orderBy("t.id");
        return session().chain(s -> {
            Mutiny.SelectionQuery<Long> page = s.createSelectionQuery(ids, Long.class);
            where.parameters().forEach(page::setParameter);
            return page.setFirstResult(offset).setMaxResults(limit).getResultList().chain(found -> rows(s, found));
        });
    }

    /**
     * The rows of {@code ids}, in that order. Apart from the page's choice of ids, so that the entries an offset
     * page skips are index entries only, never rows read and joined to their parent; and so that each statement's
     * plan holds whatever its LIMIT (a generic plan does not know it).
     */
    private static Uni<List<TaskRow>> rows(Mutiny.Session s, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return s.createSelectionQuery(ROW + " where t.id in :ids", TaskRow.class).setParameter("ids", ids).getResultList()
                .map(rows -> {
                    Map<Long, TaskRow> byId = new HashMap<>();
                    rows.forEach(row -> byId.put(row.id(), row));
                    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
                });
    }

    /** How many rows {@link #search} finds in all. */
    public Uni<Long> countMatching(String project, String tagName, TaskFilter filter) {
        Where where = filtered(project, tagName, filter);
        return session().chain(s -> {
            Mutiny.SelectionQuery<Long> query = s.createSelectionQuery("select count(*)" + from(filter) + where.clause(), Long.class);
            where.parameters().forEach(query::setParameter);
            return query.getSingleResult();
        });
    }

    /** The tag's id, null when the project has no such tag: tells "no such tag" from "no such task". */
    public Uni<Long> tagId(String project, String tagName) {
        return session().chain(s -> s.createSelectionQuery(
                        "select g.id from Tag g where g.project.key = :project and g.name = :tagName", Long.class)
                .setParameter("project", project).setParameter("tagName", tagName).getSingleResultOrNull());
    }

    /**
     * The dependencies of each of {@code taskIds} in their order, in one statement: the Task Master id of each
     * resolved one, and the written text of each that names no task of the tag (see {@link UnresolvedDependency}).
     */
    public Uni<Map<Long, List<String>>> dependencyIds(List<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return session().chain(s -> s.createSelectionQuery(DEPENDENCIES, Object[].class).setParameter("ids", taskIds)
                .getResultList().map(rows -> {
                    Map<Long, TreeMap<Short, String>> byTask = new HashMap<>();
                    for (Object[] row : rows) {
                        String parentKey = (String) row[3];
                        byTask.computeIfAbsent((Long) row[0], task -> new TreeMap<>())
                                .put((Short) row[1], parentKey == null ? (String) row[2] : parentKey + "." + row[2]);
                    }
                    Map<Long, List<String>> ordered = new LinkedHashMap<>();
                    byTask.forEach((task, byPosition) -> ordered.put(task, List.copyOf(byPosition.values())));
                    return ordered;
                }));
    }

    /** The tasks a list reads; the parent is joined only when the filter names one. */
    private static String from(TaskFilter filter) {
        return filter.parent() != null && !TaskFilter.TOP_LEVEL.equals(filter.parent()) ? " from Task t join t.parent p" : " from Task t";
    }

    private static Where byKeys(String project, String tagName) {
        return new Where().and("t.tag.id = " + TAG_BY_KEYS).parameter("project", project).parameter("tagName", tagName);
    }

    private static Where filtered(String project, String tagName, TaskFilter filter) {
        Where where = byKeys(project, tagName);
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.and("t.status in :statuses", "statuses", filter.statuses());
        }
        if (filter.priority() != null) {
            where.and("t.priority = :priority", "priority", filter.priority());
        }
        if (TaskFilter.TOP_LEVEL.equals(filter.parent())) {
            where.and("t.parent.id is null");
        } else if (filter.parent() != null) {
            where.and("p.key = :parentKey and p.parent.id is null", "parentKey", filter.parent());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.and("(lower(t.title) like :text escape '\\' or lower(coalesce(t.description, '')) like :text escape '\\')",
                    "text", Where.containing(filter.text().toLowerCase(Locale.ROOT)));
        }
        return where;
    }

    private static Mutiny.SelectionQuery<TaskRow> select(Mutiny.Session session, String hql, Where where) {
        Mutiny.SelectionQuery<TaskRow> query = session.createSelectionQuery(hql, TaskRow.class);
        where.parameters().forEach(query::setParameter);
        return query;
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
