package io.taskservice.taskmaster;

import io.taskservice.error.FieldError;
import io.taskservice.taskmaster.TaskFileRows.DependencyRow;
import io.taskservice.taskmaster.TaskFileRows.TagRow;
import io.taskservice.taskmaster.TaskFileRows.TaskRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to an import: what each tag of the file holds now, and the file's warnings (what Task Master accepts
 * but reads differently, such as repeated subtask ids), each with {@code field} = {@code tag/taskId/field}.
 */
public record ImportSummary(String project, List<TagSummary> tags, List<FieldError> warnings) {

    /** One imported tag: top-level tasks, subtasks at any depth, resolved and unresolved dependencies. */
    public record TagSummary(String name, int tasks, int subtasks, int dependencies, int unresolvedDependencies) {
    }

    static ImportSummary of(String project, TaskFileRows rows, List<TaskFileProblem> warnings) {
        Map<Long, Long> tagOfTask = new HashMap<>();
        for (TaskRow task : rows.tasks()) {
            tagOfTask.put(task.id(), task.tagId());
        }
        List<TagSummary> tags = rows.tags().stream().map(TagRow::id).map(tag -> {
            int tasks = 0;
            int subtasks = 0;
            for (TaskRow task : rows.tasks()) {
                if (task.tagId() == tag) {
                    if (task.parentId() == null) {
                        tasks++;
                    } else {
                        subtasks++;
                    }
                }
            }
            int resolved = 0;
            int unresolved = 0;
            for (DependencyRow dependency : rows.dependencies()) {
                if (tagOfTask.get(dependency.taskId()) == tag) {
                    if (dependency.resolved()) {
                        resolved++;
                    } else {
                        unresolved++;
                    }
                }
            }
            return new TagSummary(rows.tags().get((int) (long) tag).name(), tasks, subtasks, resolved, unresolved);
        }).toList();
        return new ImportSummary(project, tags, warnings.stream().map(ImportSummary::fieldError).toList());
    }

    /** A problem as an API field error: {@code field} joins tag, task id and field with {@code /}. */
    static FieldError fieldError(TaskFileProblem problem) {
        StringBuilder field = new StringBuilder();
        for (String part : new String[] {problem.tag(), problem.taskId(), problem.field()}) {
            if (part != null) {
                field.append(field.isEmpty() ? "" : "/").append(part);
            }
        }
        return new FieldError(field.isEmpty() ? null : field.toString(), problem.message());
    }
}
