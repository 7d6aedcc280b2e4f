package io.taskservice.task;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Database access for tasks and subtasks, in Task Master order: numeric ids by number, then slugs. */
@ApplicationScoped
public class TaskRepository implements PanacheRepository<Task> {

    static final String TASK_MASTER_ORDER = "keyNumber nulls last, key";

    public Uni<Task> findTopLevel(long tagId, String key) {
        return find("tag.id = ?1 and parent is null and key = ?2", tagId, key).firstResult();
    }

    public Uni<Task> findSubtask(long parentId, String key) {
        return find("parent.id = ?1 and key = ?2", parentId, key).firstResult();
    }

    public Uni<List<Task>> listTopLevel(long tagId) {
        return list("tag.id = ?1 and parent is null order by " + TASK_MASTER_ORDER, tagId);
    }

    public Uni<List<Task>> listSubtasks(long parentId) {
        return list("parent.id = ?1 order by " + TASK_MASTER_ORDER, parentId);
    }
}
