package io.taskservice.task;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Database access for dependencies between tasks of one tag. */
@ApplicationScoped
public class TaskDependencyRepository implements PanacheRepositoryBase<TaskDependency, TaskDependency.Key> {

    /** The tasks {@code taskId} waits for, in the order Task Master listed them. */
    public Uni<List<TaskDependency>> listFor(long taskId) {
        return list("id.taskId = ?1 order by position", taskId);
    }
}
