package io.taskservice.task;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.taskservice.database.BoundedDatabaseWork;
import io.taskservice.database.ReadSnapshot;
import io.taskservice.tag.Tag;
import io.taskservice.tag.TagService;
import io.taskservice.task.graph.DependencyGraph;
import io.taskservice.task.graph.DependencyProblem;
import io.taskservice.task.graph.NextTaskRule;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Task Master's rules over a whole tag: the next task, dependency validation, the Mermaid graph, and the cycle check
 * of new dependencies. The tag's graph is read in three queries; the rules run on a worker thread: linear, but a tag
 * may hold thousands of tasks, and the event loop must keep serving meanwhile. The pipeline continues on the
 * request's context, so the session is still used by one operation after the other.
 */
@ApplicationScoped
@BoundedDatabaseWork
public class TaskGraphService {

    private final TagService tags;
    private final TaskRepository tasks;
    private final TaskReadRepository reads;
    private final NextTaskRepository candidates;
    private final TaskViews views;
    private final Vertx vertx;

    TaskGraphService(TagService tags, TaskRepository tasks, TaskReadRepository reads, NextTaskRepository candidates,
            TaskViews views, Vertx vertx) {
        this.tags = tags;
        this.tasks = tasks;
        this.reads = reads;
        this.candidates = candidates;
        this.views = views;
        this.vertx = vertx;
    }

    /**
     * The next task as {@code task-master next} would choose it, or empty. The graph and the chosen task's row come
     * from one snapshot, so a task deleted meanwhile by another client is neither chosen nor missing. The database
     * finds the first candidate in the rule's order ({@link NextTaskRepository}); when that is the rule's answer
     * (the usual case) it is the answer, else the rule runs over the whole tag.
     */
    @WithTransaction
    public Uni<Optional<TaskView>> next(String project, String tagName) {
        return ReadSnapshot.begin().chain(() -> candidates.firstCandidate(project, tagName)).chain(first -> {
            if (first == null) { // no candidate at all: nothing is ready (or there is no such tag: 404)
                return tags.require(project, tagName).replaceWith(Optional.<TaskView>empty());
            }
            if (first.isTheAnswer()) {
                return view(reads.findRow(first.taskId()));
            }
            return tags.require(project, tagName).chain(tag -> tasks.loadGraph(tag.id)
                    .chain(nodes -> onWorker(() -> new NextTaskRule().next(nodes)))
                    .chain(next -> next.isEmpty() ? Uni.createFrom().item(Optional.<TaskView>empty())
                            : view(reads.findRow(project, tagName, TaskId.parse("id", next.get().id())))));
        });
    }

    private Uni<Optional<TaskView>> view(Uni<TaskRow> row) {
        return row.chain(found -> views.of(List.of(found))).map(list -> Optional.of(list.getFirst()));
    }

    /** The dependency problems {@code task-master validate-dependencies} reports for the tag, from one snapshot. */
    @WithTransaction
    public Uni<List<DependencyProblem>> validate(String project, String tagName) {
        return ReadSnapshot.begin().chain(() -> tags.require(project, tagName)).chain(tag -> tasks.loadGraph(tag.id))
                .chain(nodes -> onWorker(() -> new DependencyGraph(nodes).problems()));
    }

    /** The tag's dependency graph as Mermaid flowchart text, from one snapshot. */
    @WithTransaction
    public Uni<String> graph(String project, String tagName) {
        return ReadSnapshot.begin().chain(() -> tags.require(project, tagName)).chain(tag -> tasks.loadGraph(tag.id))
                .chain(nodes -> onWorker(() -> new DependencyGraph(nodes).toMermaid()));
    }

    /**
     * Within the caller's transaction (which holds the tag's lock): 422 when "{@code id} depends on" one of
     * {@code targets} would be a self-dependency or close a cycle in the tag's graph as it is now.
     */
    Uni<Void> refuseCycles(Tag tag, TaskId id, List<TaskId> targets, String field) {
        return tasks.loadGraph(tag.id).chain(nodes -> onWorker(() -> {
            DependencyGraph graph = new DependencyGraph(nodes);
            targets.forEach(target -> DependencyRules.refuseCycle(graph, id, target, field));
            return null;
        })).replaceWithVoid();
    }

    private <T> Uni<T> onWorker(Supplier<T> rules) {
        return vertx.executeBlocking(Uni.createFrom().item(rules));
    }
}
