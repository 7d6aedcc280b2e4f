package io.taskservice.task;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Database access for dependencies between tasks of one tag, resolved or kept as written. */
@ApplicationScoped
public class TaskDependencyRepository implements PanacheRepositoryBase<TaskDependency, TaskDependency.Key> {

    /** The resolved dependencies of {@code taskId}, in the order the task lists them. */
    public Uni<List<TaskDependency>> listFor(long taskId) {
        return list("id.taskId = ?1 order by position", taskId);
    }

    /** The position after the task's last dependency, resolved or not. */
    public Uni<Short> nextPosition(long taskId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select max(p) from (select d.position as p from TaskDependency d where d.id.taskId = :task"
                                + " union all select u.id.position as p from UnresolvedDependency u where u.id.taskId = :task)",
                        Short.class)
                .setParameter("task", taskId)
                .getSingleResultOrNull())
                .map(max -> (short) (max == null ? 0 : max + 1));
    }

    /** Removes "{@code taskId} depends on {@code targetId}"; the number of rows removed (0 or 1). */
    public Uni<Long> deleteResolved(long taskId, long targetId) {
        return delete("id.taskId = ?1 and id.dependsOnId = ?2", taskId, targetId);
    }

    /** Removes the task's unresolved dependencies written as {@code written}; the number removed. */
    public Uni<Integer> deleteUnresolved(long taskId, String written) {
        return Panache.getSession().chain(session -> session
                .createMutationQuery("delete from UnresolvedDependency u where u.id.taskId = :task and u.written = :written")
                .setParameter("task", taskId)
                .setParameter("written", written)
                .executeUpdate());
    }
}
