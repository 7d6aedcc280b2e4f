package io.taskservice.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.taskservice.api.ConflictException;
import io.taskservice.api.InvalidRequestException;
import io.taskservice.api.NotFoundException;
import io.taskservice.api.PreconditionFailedException;
import io.taskservice.api.Problem.FieldError;
import io.taskservice.api.UnprocessableException;
import io.taskservice.database.Cursor;
import io.taskservice.database.DatabaseFailure;
import io.taskservice.database.Page;
import io.taskservice.database.PageRequest;
import io.taskservice.database.Sort;
import io.taskservice.tag.Tag;
import io.taskservice.tag.TagRepository;
import io.taskservice.tag.TagService;
import io.taskservice.task.graph.DependencyGraph;
import io.taskservice.task.graph.DependencyProblem;
import io.taskservice.task.graph.NextTaskRule;
import io.taskservice.task.graph.TaskNode;
import io.taskservice.database.BoundedDatabaseWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Task use cases; the transaction boundary for task writes. */
@ApplicationScoped
@BoundedDatabaseWork
public class TaskService {

    /** The fields a merge patch may change; the others are read-only or have their own endpoints. */
    static final Set<String> PATCHABLE = Set.of("title", "description", "details", "testStrategy", "status", "priority", "extra");

    private final TagService tags;
    private final TaskRepository tasks;
    private final TaskDependencyRepository dependencies;
    private final Validator validator;
    private final ObjectMapper json;
    private final TagRepository tagRows;

    public TaskService(TagService tags, TaskRepository tasks, TaskDependencyRepository dependencies, Validator validator,
            ObjectMapper json, TagRepository tagRows) {
        this.tags = tags;
        this.tagRows = tagRows;
        this.tasks = tasks;
        this.dependencies = dependencies;
        this.validator = validator;
        this.json = json;
    }

    /**
     * One page of a tag's tasks: by offset ({@code after} null; with the total count) or strictly after a keyset
     * cursor. Both carry {@code next}, the cursor of the following page, while more rows may follow.
     */
    @WithSession
    public Uni<Page<TaskView>> list(String project, String tagName, TaskFilter filter, Sort sort, PageRequest page,
            String after) {
        Cursor cursor = after == null ? null : Cursor.decode(after, sort);
        return tags.require(project, tagName).chain(tag -> {
            int offset = cursor == null ? page.index() * page.size() : 0;
            Uni<List<TaskRow>> rows = tasks.search(tag.id, filter, sort, cursor, offset, page.size() + 1);
            Uni<Long> total = cursor == null ? tasks.countMatching(tag.id, filter) : Uni.createFrom().nullItem();
            return rows.chain(found -> total.chain(count -> {
                List<TaskRow> items = found.size() > page.size() ? found.subList(0, page.size()) : found;
                String next = found.size() > page.size()
                        ? Cursor.after(sort, TaskRepository.sortValue(items.getLast(), sort.field()), items.getLast().id()).encode()
                        : null;
                return views(items).map(views -> new Page<>(views, cursor == null ? page.index() : null, page.size(), count, next));
            }));
        });
    }

    @WithSession
    public Uni<TaskView> get(String project, String tagName, TaskId id) {
        return tags.require(project, tagName)
                .chain(tag -> tasks.findRow(tag.id, id))
                .onItem().ifNull().failWith(() -> new NotFoundException("task", id.toString()))
                .chain(row -> views(List.of(row))).map(List::getFirst);
    }

    /** Creates a task or subtask with its dependencies, which must exist in the same tag (else 422). */
    @WithTransaction
    public Uni<TaskView> create(String project, String tagName, NewTask input) {
        return tags.require(project, tagName).chain(tag -> parentOf(tag, input.parent()).chain(parent -> {
            Uni<String> key = input.id() != null ? Uni.createFrom().item(input.id()) : tasks.nextKey(tag.id, parent);
            return key.chain(k -> tasks.nextPosition(tag.id, parent).chain(position -> {
                Task task = new Task();
                task.tag = tag;
                task.parent = parent;
                task.key = k;
                task.position = position;
                input.content().applyTo(task);
                return tasks.persistAndFlush(task)
                        .chain(() -> addDependencies(tag, task, input.dependencies() == null ? List.of() : input.dependencies()))
                        .chain(() -> viewOf(task, new TaskId(parent == null ? null : parent.key, k)));
            }));
        }));
    }

    /** Replaces the task's content (PUT). */
    @WithTransaction
    public Uni<TaskView> replace(String project, String tagName, TaskId id, Long expectedVersion, TaskContent content) {
        return change(project, tagName, id, expectedVersion, current -> content);
    }

    /** Applies an RFC 7386 JSON merge patch to the task's content (PATCH). */
    @WithTransaction
    public Uni<TaskView> patch(String project, String tagName, TaskId id, Long expectedVersion, ObjectNode patch) {
        for (Iterator<String> names = patch.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!PATCHABLE.contains(name)) {
                throw new InvalidRequestException(name, "cannot be changed by a patch (patchable: " + String.join(", ",
                        PATCHABLE.stream().sorted().toList()) + "; dependencies have their own endpoint)");
            }
        }
        return change(project, tagName, id, expectedVersion, current -> {
            JsonNode merged = MergePatch.apply(json.valueToTree(TaskContent.of(current)), patch);
            TaskContent content;
            try {
                content = json.treeToValue(merged, TaskContent.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
                throw new InvalidRequestException("patch", "gives the task an invalid value: " + fieldOf(e));
            }
            var violations = validator.validate(content);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return content;
        });
    }

    @WithTransaction
    public Uni<Void> delete(String project, String tagName, TaskId id, Long expectedVersion) {
        return requireEntity(project, tagName, id)
                .invoke(task -> checkVersion(task, expectedVersion, id))
                .chain(tasks::delete)
                .chain(tasks::flush);
    }

    /**
     * Makes a task wait for another task or subtask of the same tag. A missing target, a self-dependency or
     * one that would close a cycle is refused with 422; an existing one with 409. The tag is locked for the
     * check, so two concurrent additions cannot close a cycle between them. Bumps the task's version.
     */
    @WithTransaction
    public Uni<TaskView> addDependency(String project, String tagName, TaskId id, Long expectedVersion, TaskId dependsOn) {
        return tags.require(project, tagName)
                .chain(tag -> tagRows.lockForUpdate(tag).replaceWith(tag))
                .chain(tag -> requireTask(tag, id)
                        .invoke(task -> checkVersion(task, expectedVersion, id))
                        .chain(task -> requireDependencyTarget(tag, dependsOn, "dependsOn")
                                .chain(target -> tasks.loadGraph(tag.id).chain(nodes -> {
                                    Optional<List<String>> cycle = new DependencyGraph(nodes).findCycle(id.toString(), dependsOn.toString());
                                    if (cycle.isPresent()) {
                                        boolean self = cycle.get().size() == 2;
                                        throw new UnprocessableException(self ? "dependency-self" : "dependency-cycle",
                                                self ? "A task cannot depend on itself"
                                                        : "This dependency would close a cycle: " + String.join(" -> ", cycle.get()),
                                                List.of(new FieldError("dependsOn", self ? "is the task itself" : "closes a cycle")));
                                    }
                                    return dependencies.findById(new TaskDependency.Key(task.id, target.id));
                                }).chain(existing -> {
                                    if (existing != null) {
                                        throw new ConflictException("Task " + id + " already depends on " + dependsOn);
                                    }
                                    return dependencies.nextPosition(task.id);
                                }).chain(position -> dependencies.persist(
                                        new TaskDependency(task.id, target.id, tag.id, position, dependsOn.toString(), false)))
                                .chain(() -> touch(task))
                                .chain(() -> viewOf(task, id)))));
    }

    /** Removes a dependency, resolved (named by the target's id) or kept as written; 404 when there is none. */
    @WithTransaction
    public Uni<Void> removeDependency(String project, String tagName, TaskId id, Long expectedVersion, String dependsOn) {
        return tags.require(project, tagName).chain(tag -> requireTask(tag, id)
                .invoke(task -> checkVersion(task, expectedVersion, id))
                .chain(task -> resolvedTarget(tag, dependsOn)
                        .chain(target -> target == null ? Uni.createFrom().item(0L) : dependencies.deleteResolved(task.id, target.id))
                        .chain(removed -> removed > 0 ? Uni.createFrom().item(removed)
                                : dependencies.deleteUnresolved(task.id, dependsOn).map(Integer::longValue))
                        .chain(removed -> {
                            if (removed == 0) {
                                throw new NotFoundException("dependency", id + " -> " + dependsOn);
                            }
                            return touch(task);
                        })));
    }

    /** The next task as {@code task-master next} would choose it, or empty. */
    @WithSession
    public Uni<Optional<TaskView>> next(String project, String tagName) {
        return tags.require(project, tagName).chain(tag -> tasks.loadGraph(tag.id).chain(nodes -> {
            Optional<TaskNode> next = new NextTaskRule().next(nodes);
            if (next.isEmpty()) {
                return Uni.createFrom().item(Optional.<TaskView>empty());
            }
            return tasks.findRow(tag.id, TaskId.parse("id", next.get().id()))
                    .chain(row -> views(List.of(row))).map(list -> Optional.of(list.getFirst()));
        }));
    }

    /** The dependency problems {@code task-master validate-dependencies} reports for the tag. */
    @WithSession
    public Uni<List<DependencyProblem>> validate(String project, String tagName) {
        return tags.require(project, tagName).chain(tag -> tasks.loadGraph(tag.id)).map(nodes -> new DependencyGraph(nodes).problems());
    }

    /** The tag's dependency graph as Mermaid flowchart text. */
    @WithSession
    public Uni<String> graph(String project, String tagName) {
        return tags.require(project, tagName).chain(tag -> tasks.loadGraph(tag.id)).map(nodes -> new DependencyGraph(nodes).toMermaid());
    }

    /** Marks the task changed, so its version (and ETag) moves when its dependencies do. */
    private Uni<Void> touch(Task task) {
        task.updatedAt = java.time.OffsetDateTime.now();
        return tasks.flush();
    }

    private Uni<Task> resolvedTarget(Tag tag, String dependsOn) {
        TaskId target;
        try {
            target = TaskId.parse("dependsOn", dependsOn);
        } catch (InvalidRequestException notAnId) {
            return Uni.createFrom().nullItem();
        }
        return tasks.findEntity(tag.id, target);
    }

    private Uni<TaskView> change(String project, String tagName, TaskId id, Long expectedVersion,
            Function<TaskView, TaskContent> change) {
        return requireEntity(project, tagName, id)
                .invoke(task -> checkVersion(task, expectedVersion, id))
                .chain(task -> viewOf(task, id).chain(current -> {
                    change.apply(current).applyTo(task);
                    return tasks.flush()
                            .onFailure(failure -> expectedVersion != null && DatabaseFailure.CONCURRENT_UPDATE.matches(failure))
                            .transform(failure -> new PreconditionFailedException("Task " + id))
                            .chain(() -> viewOf(task, id));
                }));
    }

    private static void checkVersion(Task task, Long expectedVersion, TaskId id) {
        if (expectedVersion != null && task.version != expectedVersion) {
            throw new PreconditionFailedException("Task " + id);
        }
    }

    private Uni<Task> requireEntity(String project, String tagName, TaskId id) {
        return tags.require(project, tagName).chain(tag -> requireTask(tag, id));
    }

    /** The task of the tag; 404 when there is none. */
    private Uni<Task> requireTask(Tag tag, TaskId id) {
        return tasks.findEntity(tag.id, id).onItem().ifNull().failWith(() -> new NotFoundException("task", id.toString()));
    }

    /** The task a new dependency names; 422 ({@code dependency-missing}, naming {@code field}) when the tag has none. */
    private Uni<Task> requireDependencyTarget(Tag tag, TaskId target, String field) {
        return tasks.findEntity(tag.id, target).onItem().ifNull().failWith(() -> new UnprocessableException(
                "dependency-missing", "Task " + target + " does not exist in this tag",
                List.of(new FieldError(field, target + " does not exist"))));
    }

    private Uni<Task> parentOf(Tag tag, String parentKey) {
        if (parentKey == null) {
            return Uni.createFrom().nullItem();
        }
        return tasks.findTopLevel(tag.id, parentKey).onItem().ifNull().failWith(() -> new UnprocessableException(
                "unknown-parent", "No task '" + parentKey + "' to hold the subtask",
                List.of(new FieldError("parent", "no such task"))));
    }

    private Uni<Void> addDependencies(Tag tag, Task task, List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<TaskId> targets = ids.stream().map(text -> TaskId.parse("dependencies", text)).toList();
        // One lookup after the other: a reactive session must never run two operations at once.
        return Multi.createFrom().range(0, targets.size())
                .onItem().transformToUniAndConcatenate(position -> requireDependencyTarget(tag, targets.get(position), "dependencies")
                        .map(found -> new TaskDependency(task.id, found.id, tag.id, position.shortValue(),
                                targets.get(position).toString(), false)))
                .collect().asList()
                .chain(dependencies::persist)
                .chain(dependencies::flush);
    }

    private Uni<TaskView> viewOf(Task task, TaskId id) {
        TaskRow row = new TaskRow(task.id, task.key, id.parentKey(), task.title, task.description, task.details,
                task.testStrategy, task.status, task.priority, task.extra, task.sortKey, task.createdAt, task.updatedAt,
                task.version);
        return views(List.of(row)).map(List::getFirst);
    }

    private Uni<List<TaskView>> views(List<TaskRow> rows) {
        return tasks.dependencyIds(rows.stream().map(TaskRow::id).toList()).map(dependencyIds -> rows.stream()
                .map(row -> TaskView.of(row, dependencyIds.getOrDefault(row.id(), List.of())))
                .toList());
    }

    private static String fieldOf(Exception e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().getFirst().getFieldName();
        }
        return "unreadable value";
    }
}
