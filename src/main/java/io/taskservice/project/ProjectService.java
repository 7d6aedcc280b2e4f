package io.taskservice.project;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.taskservice.api.NotFoundException;
import io.taskservice.database.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Project use cases; the transaction boundary for project writes. */
@ApplicationScoped
public class ProjectService {

    private final ProjectRepository projects;

    public ProjectService(ProjectRepository projects) {
        this.projects = projects;
    }

    @WithSession
    public Uni<List<ProjectView>> list(PageRequest page) {
        return projects.listViews(page.index(), page.size());
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
}
