package io.taskservice.tag;

import io.taskservice.project.Project;
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

/** A tag: one named task list inside a project, such as Task Master's {@code master}. */
@Entity
@Table(name = "tag")
public class Tag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false)
    public Project project;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(columnDefinition = "text")
    public String description;

    /** Task Master's per-tag metadata object, kept as written; null when the task list had none. */
    @Convert(converter = ExactJsonConverter.class)
    @ColumnTransformer(read = "cast(metadata as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> metadata;

    /** Other keys of the tag's object in a task list, kept as written. */
    @Convert(converter = ExactJsonConverter.class)
    @ColumnTransformer(read = "cast(extra as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> extra = new LinkedHashMap<>();

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
