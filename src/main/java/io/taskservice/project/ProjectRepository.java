package io.taskservice.project;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Database access for projects. Reads return {@link ProjectView} projections, not managed entities. */
@ApplicationScoped
public class ProjectRepository implements PanacheRepository<Project> {

    public Uni<Project> findByKey(String key) {
        return find("key", key).firstResult();
    }

    public Uni<ProjectView> findViewByKey(String key) {
        return find("key", key).project(ProjectView.class).firstResult();
    }

    /** One page of projects in key order. */
    public Uni<List<ProjectView>> listViews(int pageIndex, int pageSize) {
        return findAll(Sort.by("key")).project(ProjectView.class).page(Page.of(pageIndex, pageSize)).list();
    }
}
