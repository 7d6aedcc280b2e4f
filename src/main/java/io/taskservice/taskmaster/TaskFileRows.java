package io.taskservice.taskmaster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A task file as rows of the schema's tables ({@code tag}, {@code task}, {@code task_dependency} and
 * {@code task_dependency_unresolved}): what an import writes and what an export reads. Loaded from the database
 * the ids are database ids; planned for an import they are local numbers (0, 1, ... per table) that the store
 * replaces with ids it allocates. Tasks come parent first.
 */
public record TaskFileRows(List<TagRow> tags, List<TaskRow> tasks, List<DependencyRow> dependencies) {

    public TaskFileRows {
        tags = List.copyOf(tags);
        tasks = List.copyOf(tasks);
        dependencies = List.copyOf(dependencies);
    }

    /** A {@code tag} row; {@code metadata} is null when the task list had none. */
    public record TagRow(long id, String name, ObjectNode metadata, ObjectNode extra) {
    }

    /** A {@code task} row; {@code parentId} is null for a top-level task. */
    public record TaskRow(long id, long tagId, Long parentId, String key, String title, String description,
            String details, String testStrategy, String status, String priority, int position, ObjectNode extra,
            ObjectNode writtenShape) {
    }

    /**
     * One written dependency at {@code position} of a task's list: resolved ({@code dependsOnId} names a task of the
     * tag, a {@code task_dependency} row) or not ({@code dependsOnId} null, a {@code task_dependency_unresolved} row).
     */
    public record DependencyRow(long taskId, int position, Long dependsOnId, String written, boolean writtenAsNumber) {

        public boolean resolved() {
            return dependsOnId != null;
        }
    }
}
