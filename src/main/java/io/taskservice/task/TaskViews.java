package io.taskservice.task;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Tasks as the API shows them: rows or entities with their dependencies, read in one query for all of them. */
@ApplicationScoped
class TaskViews {

    private final TaskReadRepository tasks;

    TaskViews(TaskReadRepository tasks) {
        this.tasks = tasks;
    }

    Uni<TaskView> of(Task task, TaskId id) {
        TaskRow row = new TaskRow(task.id, task.key, id.parentKey(), task.title, task.description, task.details,
                task.testStrategy, task.status, task.priority, task.extra, task.sortKey, task.createdAt, task.updatedAt,
                task.version);
        return of(List.of(row)).map(List::getFirst);
    }

    Uni<List<TaskView>> of(List<TaskRow> rows) {
        return tasks.dependencyIds(rows.stream().map(TaskRow::id).toList()).map(dependencyIds -> rows.stream()
                .map(row -> TaskView.of(row, dependencyIds.getOrDefault(row.id(), List.of())))
                .toList());
    }
}
