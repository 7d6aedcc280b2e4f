package io.taskservice.taskmaster;

import io.taskservice.taskmaster.TaskFileRows.DependencyRow;
import io.taskservice.taskmaster.TaskFileRows.TagRow;
import io.taskservice.taskmaster.TaskFileRows.TaskRow;
import java.util.List;

/**
 * Planned rows with their allocated ids, column by column: {@link TaskFileStore} inserts each table with one
 * {@code insert ... select from unnest(:column arrays)}. The driver sends arrays in PostgreSQL's binary format, so the
 * server parses nothing: measured on a 10,000-task file, this took the server's share of an import from about 2 s of
 * CPU (the same rows as one JSON text through {@code jsonb_to_recordset}) to under 1 s. JSON columns travel as text,
 * which keeps every number exact. A table with no rows has null columns. Plain Java: no database, no framework.
 */
record TaskFilePayloads(TagColumns tags, TaskColumns tasks, DependencyColumns resolved, DependencyColumns unresolved) {

    /** The tag rows. */
    record TagColumns(Long[] id, String[] name, String[] metadata, String[] extra) {
    }

    /** The task rows, parents before their subtasks. */
    record TaskColumns(Long[] id, Long[] tagId, Long[] parentId, String[] key, String[] title, String[] description,
            String[] details, String[] testStrategy, String[] status, String[] priority, Integer[] position,
            String[] extra, String[] writtenShape) {
    }

    /** Dependencies; only resolved ones have a target and a tag (for the same-tag foreign keys). */
    record DependencyColumns(Long[] taskId, Long[] dependsOnId, Long[] tagId, Short[] position, String[] written,
            Boolean[] writtenAsNumber) {
    }

    /** {@code tagIds} and {@code taskIds} hold the database id of each local id (the list index). */
    static TaskFilePayloads of(TaskFileRows rows, List<Long> tagIds, List<Long> taskIds) {
        return new TaskFilePayloads(tags(rows.tags(), tagIds), tasks(rows.tasks(), tagIds, taskIds),
                dependencies(rows, tagIds, taskIds, true), dependencies(rows, tagIds, taskIds, false));
    }

    private static TagColumns tags(List<TagRow> tags, List<Long> ids) {
        int n = tags.size();
        TagColumns c = new TagColumns(new Long[n], new String[n], new String[n], new String[n]);
        for (int i = 0; i < n; i++) {
            TagRow tag = tags.get(i);
            c.id[i] = ids.get((int) tag.id());
            c.name[i] = tag.name();
            c.metadata[i] = tag.metadata() == null ? null : JsonColumn.text(tag.metadata());
            c.extra[i] = JsonColumn.text(tag.extra());
        }
        return n == 0 ? null : c;
    }

    private static TaskColumns tasks(List<TaskRow> tasks, List<Long> tagIds, List<Long> ids) {
        int n = tasks.size();
        TaskColumns c = new TaskColumns(new Long[n], new Long[n], new Long[n], new String[n], new String[n], new String[n],
                new String[n], new String[n], new String[n], new String[n], new Integer[n], new String[n], new String[n]);
        for (int i = 0; i < n; i++) {
            TaskRow task = tasks.get(i);
            c.id[i] = ids.get((int) task.id());
            c.tagId[i] = tagIds.get((int) task.tagId());
            c.parentId[i] = task.parentId() == null ? null : ids.get(task.parentId().intValue());
            c.key[i] = task.key();
            c.title[i] = task.title();
            c.description[i] = task.description();
            c.details[i] = task.details();
            c.testStrategy[i] = task.testStrategy();
            c.status[i] = task.status();
            c.priority[i] = task.priority();
            c.position[i] = task.position();
            c.extra[i] = JsonColumn.text(task.extra());
            c.writtenShape[i] = JsonColumn.text(task.writtenShape());
        }
        return n == 0 ? null : c;
    }

    private static DependencyColumns dependencies(TaskFileRows rows, List<Long> tagIds, List<Long> taskIds, boolean resolved) {
        List<DependencyRow> chosen = rows.dependencies().stream().filter(d -> d.resolved() == resolved).toList();
        int n = chosen.size();
        DependencyColumns c = new DependencyColumns(new Long[n], new Long[n], new Long[n], new Short[n], new String[n],
                new Boolean[n]);
        for (int i = 0; i < n; i++) {
            DependencyRow dependency = chosen.get(i);
            c.taskId[i] = taskIds.get((int) dependency.taskId());
            if (resolved) {
                c.dependsOnId[i] = taskIds.get(dependency.dependsOnId().intValue());
                c.tagId[i] = tagIds.get((int) rows.tasks().get((int) dependency.taskId()).tagId());
            }
            c.position[i] = (short) dependency.position();
            c.written[i] = dependency.written();
            c.writtenAsNumber[i] = dependency.writtenAsNumber();
        }
        return n == 0 ? null : c;
    }
}
