package io.taskservice.task;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Task Master's {@code next} computed by PostgreSQL where that is exact, so a tag of 10,000 tasks is not read into
 * the service for one answer: the statement reads the tag's tasks and dependencies through narrow covering indexes
 * ({@code task_tag_graph}, {@code task_dependency_tag}, V5) and returns one row. Native SQL on the request's
 * Hibernate Reactive session: a window over a derived table of aggregates is beyond what HQL expresses clearly. {@code NextTaskRule} is the reference; see {@link NextCandidate} for when
 * the database's answer is the rule's.
 */
@ApplicationScoped
public class NextTaskRepository {

    /**
     * The candidates {@link io.taskservice.task.graph.NextTaskRule} may choose, minus those with a dependency on a
     * task or subtask that is certainly not completed, in the rule's order (subtasks of in-progress tasks first;
     * priority, a subtask's falling back to its parent's; number of dependencies; number; task-list order), the
     * first one only. A dependency on a task or subtask is completed when the target is done and, for a subtask,
     * its parent takes part (pending, in-progress or done): exactly the rule's set of completed ids, since ids are
     * unique per level. Dependencies kept as written, or on a deeper level, are left to the rule ("uncertain").
     */
    static final String FIRST_CANDIDATE = """
            select c.id, c.uncertain, count(*) filter (where not c.numeric_id) over (partition by c.is_subtask) as not_numeric
              from (select t.id, t.parent_id is not null as is_subtask, t.position, t.key_number, t.parent_id,
                           p.position as parent_position, p.key_number as parent_number,
                           case coalesce(t.priority, p.priority)
                             when 'critical' then 4 when 'high' then 3 when 'low' then 1 else 2 end as rank,
                           coalesce(d.dependency_count, 0) as dependency_count,
                           coalesce(t.key_number < 1000000000000000
                                    and (t.parent_id is null or p.key_number < 1000000000000000), false) as numeric_id,
                           coalesce(d.uncertain, false) as uncertain
                      from task t
                      left join task p on p.id = t.parent_id and p.tag_id = t.tag_id
                      left join (select task_id, count(*) as dependency_count, bool_or(blocking) as blocked,
                                        bool_or(uncertain) as uncertain
                                   from (select d.task_id,
                                                case when x.parent_id is null then x.status <> 'done'
                                                     when xp.parent_id is null then x.status <> 'done'
                                                          or xp.status not in ('pending', 'in-progress', 'done')
                                                     else false end as blocking,
                                                x.parent_id is not null and xp.parent_id is not null as uncertain
                                           from task_dependency d
                                           join task x on x.id = d.depends_on_id and x.tag_id = d.tag_id
                                           left join task xp on xp.id = x.parent_id and xp.tag_id = x.tag_id
                                          where d.tag_id = (%1$s)
                                         union all
                                         select u.task_id, false, true
                                           from task_dependency_unresolved u join task n on n.id = u.task_id
                                          where n.tag_id = (%1$s)) dependency
                                  group by task_id) d on d.task_id = t.id
                     where t.tag_id = (%1$s)
                       and t.status in ('pending', 'in-progress')
                       and (t.parent_id is null or p.parent_id is null and p.status = 'in-progress')
                       and not coalesce(d.blocked, false)) c
             order by c.is_subtask desc, c.rank desc, c.dependency_count, coalesce(c.parent_number, c.key_number),
                      c.key_number, coalesce(c.parent_position, c.position), coalesce(c.parent_id, c.id), c.position, c.id
             limit 1""".formatted("select g.id from tag g join project pr on pr.id = g.project_id"
            + " where pr.project_key = :project and g.name = :tagName");

    /** The first candidate of the tag in the rule's order, or null when it has none (or no such tag exists). */
    public Uni<NextCandidate> firstCandidate(String project, String tagName) {
        return Panache.getSession().chain(s -> s.createNativeQuery(FIRST_CANDIDATE, Object[].class)
                .setParameter("project", project).setParameter("tagName", tagName)
                .getSingleResultOrNull()
                .map(row -> row == null ? null
                        : new NextCandidate(((Number) row[0]).longValue(), (Boolean) row[1], ((Number) row[2]).longValue() == 0)));
    }

    /**
     * The first candidate in the rule's order. It is the rule's answer when it is not {@code uncertain} (every dependency
     * resolved to a task or subtask) and every candidate of its kind has a number for an id: then the rule's
     * comparison is a total order and its stable sort puts this one first. Otherwise the rule decides.
     *
     * @param taskId the task's row id
     */
    public record NextCandidate(long taskId, boolean uncertain, boolean allNumeric) {

        /** Whether this is {@code next}'s answer as the rule would give it. */
        public boolean isTheAnswer() {
            return !uncertain && allNumeric;
        }
    }
}
