package io.taskservice.task;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A dependency that names no task of the tag, or the task itself, kept as the task list wrote it: real
 * Task Master files contain such entries, and validation reports them.
 */
@Entity
@Table(name = "task_dependency_unresolved")
public class UnresolvedDependency {

    @EmbeddedId
    public Key id;

    @Column(nullable = false, columnDefinition = "text")
    public String written;

    @Column(name = "written_as_number", nullable = false)
    public boolean writtenAsNumber;

    public UnresolvedDependency() {
    }

    public UnresolvedDependency(long taskId, short position, String written, boolean writtenAsNumber) {
        this.id = new Key(taskId, position);
        this.written = written;
        this.writtenAsNumber = writtenAsNumber;
    }

    /** The primary key: the task and the dependency's position in its list. */
    @Embeddable
    public record Key(@Column(name = "task_id") Long taskId, @Column(name = "position") Short position) implements Serializable {
    }
}
