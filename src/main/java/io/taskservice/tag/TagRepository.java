package io.taskservice.tag;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** Database access for tags (task lists). */
@ApplicationScoped
public class TagRepository implements PanacheRepository<Tag> {

    public Uni<Tag> findByProjectAndName(String projectKey, String name) {
        return find("project.key = ?1 and name = ?2", projectKey, name).firstResult();
    }

    /** Locks the tag's row until the transaction ends: serialises changes that must see the whole tag. */
    public Uni<Tag> lockForUpdate(Tag tag) {
        return findById(tag.id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<Tag>> listByProject(String projectKey) {
        return list("project.key = ?1 order by name", projectKey);
    }
}
