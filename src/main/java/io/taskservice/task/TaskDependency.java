package io.taskservice.task;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * "Task {@code taskId} depends on task {@code dependsOnId}", both in tag {@code tagId}: the schema's
 * composite foreign keys refuse a dependency that crosses tags.
 */
@Entity
@Table(name = "task_dependency")
public class TaskDependency {

    @EmbeddedId
    public Key id;

    @Column(name = "tag_id", nullable = false)
    public Long tagId;

    /** Position in the task's dependency list, so exports keep Task Master's order. */
    @Column(nullable = false)
    public short position;

    public TaskDependency() {
    }

    public TaskDependency(long taskId, long dependsOnId, long tagId, short position) {
        this.id = new Key(taskId, dependsOnId);
        this.tagId = tagId;
        this.position = position;
    }

    /** The primary key: the dependent task and the task it waits for. */
    @Embeddable
    public record Key(@Column(name = "task_id") Long taskId, @Column(name = "depends_on_id") Long dependsOnId)
            implements Serializable {
    }
}
