package io.taskservice.task;

import io.taskservice.tag.Tag;
import io.taskservice.database.ExactJsonConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * A task of a tag, or a subtask of a task. {@link #key} is Task Master's id: unique among the tag's
 * top-level tasks, or among the parent's subtasks.
 */
@Entity
@Table(name = "task")
public class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tag_id", nullable = false)
    public Tag tag;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Task parent;

    @Column(name = "task_key", nullable = false, length = 100)
    public String key;

    /** The numeric value of {@link #key} when it is a number; computed by the database, for ordering. */
    @Column(name = "key_number", insertable = false, updatable = false)
    public Long keyNumber;

    /** Task Master order as one value: zero-padded numeric ids, then slugs; computed by the database. */
    @Column(name = "sort_key", insertable = false, updatable = false, columnDefinition = "text")
    public String sortKey;

    @Column(nullable = false, columnDefinition = "text")
    public String title;

    @Column(columnDefinition = "text")
    public String description;

    @Column(columnDefinition = "text")
    public String details;

    @Column(name = "test_strategy", columnDefinition = "text")
    public String testStrategy;

    @Column(nullable = false, length = 16)
    public TaskStatus status = TaskStatus.PENDING;

    @Column(length = 16)
    public TaskPriority priority;

    /** Place in its list (a tag's tasks or a parent's subtasks) as the task list had it; new tasks go last. */
    @Column(nullable = false)
    public int position;

    /** Fields of a Task Master record that have no column of their own. */
    @Convert(converter = ExactJsonConverter.class)
    @ColumnTransformer(read = "cast(extra as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> extra = new LinkedHashMap<>();

    /**
     * How a task list wrote this record where the columns cannot tell (id as written, explicit nulls, absent
     * fields); see V3__dependency_as_written.sql. Empty for tasks created through the API.
     */
    @Convert(converter = ExactJsonConverter.class)
    @ColumnTransformer(read = "cast(written_shape as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "written_shape", nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> writtenShape = new LinkedHashMap<>();

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
