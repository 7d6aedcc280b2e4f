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

    /** The dependency as the task list wrote it: {@code 3}, {@code "3"}, {@code "3.1"}, or a sibling's {@code 1}. */
    @Column(nullable = false, columnDefinition = "text")
    public String written;

    /** Whether it was written as a JSON number rather than a string. */
    @Column(name = "written_as_number", nullable = false)
    public boolean writtenAsNumber;

    public TaskDependency() {
    }

    public TaskDependency(long taskId, long dependsOnId, long tagId, short position, String written, boolean writtenAsNumber) {
        this.id = new Key(taskId, dependsOnId);
        this.tagId = tagId;
        this.position = position;
        this.written = written;
        this.writtenAsNumber = writtenAsNumber;
    }

    /** The primary key: the dependent task and the task it waits for. */
    @Embeddable
    public record Key(@Column(name = "task_id") Long taskId, @Column(name = "depends_on_id") Long dependsOnId)
            implements Serializable {
    }
}
