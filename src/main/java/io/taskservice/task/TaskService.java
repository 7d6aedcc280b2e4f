package io.taskservice.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.taskservice.api.Versions;
import io.taskservice.database.BoundedDatabaseWork;
import io.taskservice.database.Cursor;
import io.taskservice.database.Page;
import io.taskservice.database.PageRequest;
import io.taskservice.database.Sort;
import io.taskservice.error.ConflictException;
import io.taskservice.error.FieldError;
import io.taskservice.error.InvalidRequestException;
import io.taskservice.error.NotFoundException;
import io.taskservice.error.UnprocessableException;
import io.taskservice.tag.Tag;
import io.taskservice.tag.TagRepository;
import io.taskservice.tag.TagService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Task use cases; the transaction boundary for task writes. */
@ApplicationScoped
@BoundedDatabaseWork
public class TaskService {

    /** The fields a merge patch may change; the others are read-only or have their own endpoints. */
    static final Set<String> PATCHABLE = Set.of("title", "description", "details", "testStrategy", "status", "priority", "extra");

    private final TagService tags;
    private final TagRepository tagRows;
    private final TaskRepository tasks;
    private final TaskReadRepository reads;
    private final TaskDependencyRepository dependencies;
    private final TaskViews views;
    private final TaskGraphService graphs;
    private final Validator validator;
    private final ObjectMapper json;

    public TaskService(TagService tags, TagRepository tagRows, TaskRepository tasks, TaskReadRepository reads,
            TaskDependencyRepository dependencies, TaskViews views, TaskGraphService graphs, Validator validator, ObjectMapper json) {
        this.tags = tags;
        this.tagRows = tagRows;
        this.tasks = tasks;
        this.reads = reads;
        this.dependencies = dependencies;
        this.views = views;
        this.graphs = graphs;
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
        int offset = cursor == null ? page.index() * page.size() : 0;
        // The tag is found by its keys inside each statement; only an empty page asks whether it exists.
        return reads.search(project, tagName, filter, sort, cursor, offset, page.size() + 1)
                .call(found -> found.isEmpty() ? tags.require(project, tagName) : Uni.createFrom().nullItem())
                .chain(found -> (cursor == null ? reads.countMatching(project, tagName, filter) : Uni.createFrom().<Long>nullItem())
                        .chain(count -> {
                            List<TaskRow> items = found.size() > page.size() ? found.subList(0, page.size()) : found;
                            String next = found.size() > page.size()
                                    ? Cursor.after(sort, TaskRepository.sortValue(items.getLast(), sort.field()), items.getLast().id()).encode()
                                    : null;
                            return views.of(items).map(views -> new Page<>(views, cursor == null ? page.index() : null, page.size(), count, next));
                        }));
    }

    /** One task in two statements: the row by project, tag and task keys, then its dependencies. */
    @WithSession
    public Uni<TaskView> get(String project, String tagName, TaskId id) {
        return reads.findRow(project, tagName, id)
                .onItem().ifNull().switchTo(() -> tags.require(project, tagName).<TaskRow>map(tag -> {
                    throw new NotFoundException("task", id.toString());
                }))
                .chain(row -> views.of(List.of(row))).map(List::getFirst);
    }

    /**
     * Creates a task or subtask with its dependencies, which must exist in the same tag (else 422) and must not close
     * a cycle (422). The tag is locked first, on every instance alike: the next free number and position are read
     * under that lock, so concurrent creates never pick the same one, and the cycle check sees every committed
     * dependency.
     */
    @WithTransaction
    public Uni<TaskView> create(String project, String tagName, NewTask input) {
        List<TaskId> targets = DependencyRules.targets(input.dependencies());
        return tags.require(project, tagName)
                .chain(tag -> tagRows.lockForUpdate(tag).replaceWith(tag))
                .chain(tag -> parentOf(tag, input.parent()).chain(parent -> {
                    Uni<String> key = input.id() != null ? Uni.createFrom().item(input.id()) : tasks.nextKey(tag.id, parent);
                    return key.chain(k -> tasks.nextPosition(tag.id, parent).chain(position -> {
                        Task task = new Task();
                        task.tag = tag;
                        task.parent = parent;
                        task.key = k;
                        task.position = position;
                        input.content().applyTo(task);
                        TaskId id = new TaskId(parent == null ? null : parent.key, k);
                        return tasks.persistAndFlush(task)
                                .chain(() -> addDependencies(tag, task, id, targets))
                                .chain(() -> views.of(task, id));
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
        return tags.require(project, tagName).chain(tag -> requireCurrent(tag, id, expectedVersion))
                .chain(task -> tasks.delete(task).chain(tasks::flush)
                        .onFailure().transform(Versions.lostRace(expectedVersion, "Task " + id)));
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
                .chain(tag -> requireCurrent(tag, id, expectedVersion)
                        .invoke(() -> DependencyRules.refuseSubtaskOnTask(id, dependsOn, "dependsOn"))
                        .chain(task -> requireDependencyTarget(tag, dependsOn, "dependsOn")
                                .chain(target -> graphs.refuseCycles(tag, id, List.of(dependsOn), "dependsOn")
                                        .chain(() -> dependencies.findById(new TaskDependency.Key(task.id, target.id)))
                                .chain(existing -> {
                                    if (existing != null) {
                                        throw new ConflictException("Task " + id + " already depends on " + dependsOn);
                                    }
                                    return dependencies.nextPosition(task.id);
                                }).chain(position -> dependencies.persist(
                                        new TaskDependency(task.id, target.id, tag.id, position, dependsOn.toString(), false)))
                                .chain(() -> touch(task, expectedVersion, id))
                                .chain(() -> views.of(task, id)))));
    }

    /** Removes a dependency, resolved (named by the target's id) or kept as written; 404 when there is none. */
    @WithTransaction
    public Uni<Void> removeDependency(String project, String tagName, TaskId id, Long expectedVersion, String dependsOn) {
        return tags.require(project, tagName).chain(tag -> requireCurrent(tag, id, expectedVersion)
                .chain(task -> resolvedTarget(tag, dependsOn)
                        .chain(target -> target == null ? Uni.createFrom().item(0L) : dependencies.deleteResolved(task.id, target.id))
                        .chain(removed -> removed > 0 ? Uni.createFrom().item(removed)
                                : dependencies.deleteUnresolved(task.id, dependsOn).map(Integer::longValue))
                        .chain(removed -> {
                            if (removed == 0) {
                                throw new NotFoundException("dependency", id + " -> " + dependsOn);
                            }
                            return touch(task, expectedVersion, id);
                        })));
    }

    /** Marks the task changed, so its version (and ETag) moves when its dependencies do. */
    private Uni<Void> touch(Task task, Long expectedVersion, TaskId id) {
        task.updatedAt = java.time.OffsetDateTime.now();
        return tasks.flush().onFailure().transform(Versions.lostRace(expectedVersion, "Task " + id));
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
        return tags.require(project, tagName).chain(tag -> requireCurrent(tag, id, expectedVersion))
                .chain(task -> views.of(task, id).chain(current -> {
                    change.apply(current).applyTo(task);
                    return tasks.flush().onFailure().transform(Versions.lostRace(expectedVersion, "Task " + id))
                            .chain(() -> views.of(task, id));
                }));
    }

    /**
     * The task, 404 when there is none, and 412 when {@code expectedVersion} (If-Match) is not its version. With
     * If-Match the row is locked before the comparison, so a concurrent writer's change is either seen here (412) or
     * waits for this transaction: a lost race is always a 412, never a silent overwrite.
     */
    private Uni<Task> requireCurrent(Tag tag, TaskId id, Long expectedVersion) {
        Uni<Task> found = expectedVersion == null ? tasks.findEntity(tag.id, id) : tasks.findEntityForUpdate(tag.id, id);
        return found.onItem().ifNull().failWith(() -> new NotFoundException("task", id.toString()))
                .invoke(task -> Versions.require(expectedVersion, task.version, "Task " + id));
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

    /**
     * Adds the new task's dependencies, after checking each against the tag's graph with the new task in it: an
     * existing task's dependency kept as written (unresolved) may name the new task's id, so a new task can close a
     * cycle too.
     */
    private Uni<Void> addDependencies(Tag tag, Task task, TaskId id, List<TaskId> targets) {
        if (targets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        targets.forEach(target -> DependencyRules.refuseSubtaskOnTask(id, target, "dependencies"));
        // One lookup after the other: a reactive session must never run two operations at once.
        return Multi.createFrom().range(0, targets.size())
                .onItem().transformToUniAndConcatenate(position -> requireDependencyTarget(tag, targets.get(position), "dependencies")
                        .map(found -> new TaskDependency(task.id, found.id, tag.id, position.shortValue(),
                                targets.get(position).toString(), false)))
                .collect().asList()
                .call(() -> graphs.refuseCycles(tag, id, targets, "dependencies"))
                .chain(dependencies::persist)
                .chain(dependencies::flush);
    }

    private static String fieldOf(Exception e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().getFirst().getFieldName();
        }
        return "unreadable value";
    }
}
