package io.taskservice.taskmaster;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A whole {@code tasks.json}: its tags in file order. {@link #legacy()} tells that the file was the old flat
 * {@code {"tasks": [...]}} shape, read as the single tag {@code master}. {@link #warnings()} lists what Task Master
 * accepts but a consumer may not (duplicate subtask ids, subtasks nested deeper than Task Master reads); the
 * records keep those as written.
 */
public record TaskFile(List<TaskList> tags, boolean legacy, List<TaskFileProblem> warnings) {

    /** The tag a legacy file's tasks belong to, as Task Master migrates them. */
    public static final String LEGACY_TAG = "master";

    public TaskFile {
        tags = List.copyOf(tags);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        Set<String> names = new HashSet<>();
        for (TaskList tag : tags) {
            if (!names.add(tag.name())) {
                throw new IllegalArgumentException("duplicate tag: " + tag.name());
            }
        }
    }

    public TaskFile(List<TaskList> tags, boolean legacy) {
        this(tags, legacy, List.of());
    }

    public Optional<TaskList> tag(String name) {
        return tags.stream().filter(tag -> tag.name().equals(name)).findFirst();
    }
}
