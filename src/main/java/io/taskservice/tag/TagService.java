package io.taskservice.tag;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.taskservice.api.Versions;
import io.taskservice.database.BoundedDatabaseWork;
import io.taskservice.database.DatabaseFailure;
import io.taskservice.error.ConflictException;
import io.taskservice.error.NotFoundException;
import io.taskservice.project.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Tag (task list) use cases; the transaction boundary for tag writes. */
@ApplicationScoped
@BoundedDatabaseWork
public class TagService {

    private final TagRepository tags;
    private final ProjectService projects;

    public TagService(TagRepository tags, ProjectService projects) {
        this.tags = tags;
        this.projects = projects;
    }

    /** The tag, within the caller's session; 404 for an unknown project or tag. */
    public Uni<Tag> require(String projectKey, String name) {
        return tags.findByProjectAndName(projectKey, name).onItem().ifNull().switchTo(() ->
                // Say which of the two is missing.
                projects.requireEntity(projectKey).<Tag>map(project -> {
                    throw new NotFoundException("tag", name);
                }));
    }

    @WithSession
    public Uni<List<TagView>> list(String projectKey) {
        return projects.requireEntity(projectKey)
                .chain(() -> tags.listByProject(projectKey))
                .map(list -> list.stream().map(TagView::of).toList());
    }

    @WithSession
    public Uni<TagView> get(String projectKey, String name) {
        return require(projectKey, name).map(TagView::of);
    }

    @WithTransaction
    public Uni<TagView> create(String projectKey, TagInput input) {
        return projects.requireEntity(projectKey).chain(project -> {
            Tag tag = new Tag();
            tag.project = project;
            tag.name = input.name();
            tag.description = input.description();
            return tags.persistAndFlush(tag);
        }).map(TagView::of).onFailure(DatabaseFailure.UNIQUE_VIOLATION::matches).transform(e -> duplicate(projectKey, input.name()));
    }

    /** Replaces name and description; a new name renames the tag (409 if taken). */
    @WithTransaction
    public Uni<TagView> update(String projectKey, String name, Long expectedVersion, TagInput input) {
        return requireVersion(projectKey, name, expectedVersion).chain(tag -> {
            tag.name = input.name();
            tag.description = input.description();
            return tags.flush().onFailure().transform(Versions.lostRace(expectedVersion, "Tag " + name)).replaceWith(tag);
        }).map(TagView::of).onFailure(DatabaseFailure.UNIQUE_VIOLATION::matches).transform(e -> duplicate(projectKey, input.name()));
    }

    /** Deletes the tag and, through the schema's cascades, its tasks and their dependencies. */
    @WithTransaction
    public Uni<Void> delete(String projectKey, String name, Long expectedVersion) {
        return requireVersion(projectKey, name, expectedVersion).chain(tag -> tags.delete(tag).chain(tags::flush)
                .onFailure().transform(Versions.lostRace(expectedVersion, "Tag " + name)));
    }

    /** The tag; 412 when {@code expectedVersion} (If-Match) is not its version. */
    private Uni<Tag> requireVersion(String projectKey, String name, Long expectedVersion) {
        return require(projectKey, name).invoke(tag -> Versions.require(expectedVersion, tag.version, "Tag " + name));
    }

    private static ConflictException duplicate(String projectKey, String name) {
        return new ConflictException("Project '" + projectKey + "' already has a tag '" + name + "'");
    }
}
