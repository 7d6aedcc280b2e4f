package io.taskservice.taskmaster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskservice.taskmaster.TaskFileRows.DependencyRow;
import io.taskservice.taskmaster.TaskFileRows.TagRow;
import io.taskservice.taskmaster.TaskFileRows.TaskRow;
import java.util.List;

/**
 * Planned rows with their allocated ids, as the JSON texts {@link TaskFileStore} inserts with one statement per
 * table ({@code jsonb_to_recordset}); a table with no rows has none (null). Plain Java: no database, no framework.
 *
 * @param tags                   the tag rows
 * @param tasks                  the task rows, parents before their subtasks
 * @param resolvedDependencies   dependencies on a task of the same tag
 * @param unresolvedDependencies dependencies kept as written, naming no task of the tag
 */
record TaskFilePayloads(String tags, String tasks, String resolvedDependencies, String unresolvedDependencies) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** {@code tagIds} and {@code taskIds} hold the database id of each local id (the list index). */
    static TaskFilePayloads of(TaskFileRows rows, List<Long> tagIds, List<Long> taskIds) {
        return new TaskFilePayloads(tags(rows.tags(), tagIds), tasks(rows.tasks(), tagIds, taskIds),
                dependencies(rows, tagIds, taskIds, true), dependencies(rows, tagIds, taskIds, false));
    }

    private static String tags(List<TagRow> tags, List<Long> ids) {
        ArrayNode json = NODES.arrayNode();
        for (TagRow tag : tags) {
            ObjectNode row = json.addObject();
            row.put("id", ids.get((int) tag.id()));
            row.put("name", tag.name());
            row.set("metadata", tag.metadata() == null ? NODES.nullNode() : tag.metadata());
            row.set("extra", tag.extra());
        }
        return text(json);
    }

    private static String tasks(List<TaskRow> tasks, List<Long> tagIds, List<Long> ids) {
        ArrayNode json = NODES.arrayNode();
        for (TaskRow task : tasks) {
            ObjectNode row = json.addObject();
            row.put("id", ids.get((int) task.id()));
            row.put("tag_id", tagIds.get((int) task.tagId()));
            if (task.parentId() != null) {
                row.put("parent_id", ids.get(task.parentId().intValue()));
            }
            row.put("task_key", task.key());
            row.put("title", task.title());
            row.put("description", task.description());
            row.put("details", task.details());
            row.put("test_strategy", task.testStrategy());
            row.put("status", task.status());
            row.put("priority", task.priority());
            row.put("position", task.position());
            row.set("extra", task.extra());
            row.set("written_shape", task.writtenShape());
        }
        return text(json);
    }

    /** The resolved ones carry their target and their tag (for the same-tag foreign keys). */
    private static String dependencies(TaskFileRows rows, List<Long> tagIds, List<Long> taskIds, boolean resolved) {
        ArrayNode json = NODES.arrayNode();
        for (DependencyRow dependency : rows.dependencies()) {
            if (dependency.resolved() != resolved) {
                continue;
            }
            ObjectNode row = json.addObject();
            row.put("task_id", taskIds.get((int) dependency.taskId()));
            if (resolved) {
                row.put("depends_on_id", taskIds.get(dependency.dependsOnId().intValue()));
                row.put("tag_id", tagIds.get((int) rows.tasks().get((int) dependency.taskId()).tagId()));
            }
            row.put("position", dependency.position());
            row.put("written", dependency.written());
            row.put("written_as_number", dependency.writtenAsNumber());
        }
        return text(json);
    }

    private static String text(ArrayNode rows) {
        return rows.isEmpty() ? null : JsonColumn.text(rows);
    }
}
