package io.taskservice.project;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.taskservice.api.Versions;
import io.taskservice.database.BoundedDatabaseWork;
import io.taskservice.database.Page;
import io.taskservice.database.PageRequest;
import io.taskservice.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;

/** Project use cases; the transaction boundary for project writes. */
@ApplicationScoped
@BoundedDatabaseWork
public class ProjectService {

    private final ProjectRepository projects;

    public ProjectService(ProjectRepository projects) {
        this.projects = projects;
    }

    /** The project entity, within the caller's session; 404 when unknown. */
    public Uni<Project> requireEntity(String key) {
        return projects.findByKey(key).onItem().ifNull().failWith(() -> new NotFoundException("project", key));
    }

    @WithSession
    public Uni<Page<ProjectView>> list(PageRequest page) {
        return projects.listViews(page.index(), page.size()).chain(items -> projects.count()
                .map(total -> new Page<>(items, page.index(), page.size(), total, null)));
    }

    @WithSession
    public Uni<ProjectView> get(String key) {
        return projects.findViewByKey(key)
                .onItem().ifNull().failWith(() -> new NotFoundException("project", key));
    }

    /** Creates a project; a duplicate key surfaces as the database's unique violation, mapped to 409. */
    @WithTransaction
    public Uni<ProjectView> create(NewProject request) {
        Project project = new Project();
        project.key = request.key();
        project.name = request.name();
        project.description = request.description();
        return projects.persistAndFlush(project).map(ProjectView::of);
    }

    /**
     * Replaces name and description; the key is the project's address and never changes. With {@code expectedVersion}
     * (If-Match) a stale version, or a concurrent change that wins the race, is a 412.
     */
    @WithTransaction
    public Uni<ProjectView> update(String key, Long expectedVersion, ProjectUpdate update) {
        return requireVersion(key, expectedVersion).chain(project -> {
            project.name = update.name();
            project.description = update.description();
            return projects.flush().onFailure().transform(Versions.lostRace(expectedVersion, "Project " + key)).replaceWith(project);
        }).map(ProjectView::of);
    }

    /** Deletes the project with its tags, tasks and dependencies (the schema's cascades). */
    @WithTransaction
    public Uni<Void> delete(String key, Long expectedVersion) {
        return requireVersion(key, expectedVersion).chain(project -> projects.delete(project).chain(projects::flush)
                .onFailure().transform(Versions.lostRace(expectedVersion, "Project " + key)));
    }

    private Uni<Project> requireVersion(String key, Long expectedVersion) {
        return requireEntity(key).invoke(project -> Versions.require(expectedVersion, project.version, "Project " + key));
    }
}
