package io.taskservice.tag;

import java.time.OffsetDateTime;
import java.util.Map;

/** A tag (task list) as the API returns it. */
public record TagView(String name, String description, Map<String, Object> metadata, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, long version) {

    static TagView of(Tag tag) {
        return new TagView(tag.name, tag.description, tag.metadata, tag.createdAt, tag.updatedAt, tag.version);
    }
}
