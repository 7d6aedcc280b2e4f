package io.taskservice.project;

import java.time.OffsetDateTime;

/** A project as read paths return it: a projection, so reads never load managed entities. */
public record ProjectView(String key, String name, String description, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, long version) {

    static ProjectView of(Project project) {
        return new ProjectView(project.key, project.name, project.description, project.createdAt, project.updatedAt,
                project.version);
    }
}
