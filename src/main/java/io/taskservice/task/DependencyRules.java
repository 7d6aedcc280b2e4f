package io.taskservice.task;

import io.taskservice.error.InvalidRequestException;
import io.taskservice.error.FieldError;
import io.taskservice.error.UnprocessableException;
import io.taskservice.task.graph.DependencyGraph;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The rules a new dependency must pass, as plain checks that throw the API's errors. No database. */
final class DependencyRules {

    private DependencyRules() {
    }

    /** The ids a new task's {@code dependencies} name; 400 for one that is not an id or is listed twice. */
    static List<TaskId> targets(List<String> written) {
        if (written == null) {
            return List.of();
        }
        List<TaskId> targets = written.stream().map(text -> TaskId.parse("dependencies", text)).toList();
        if (new HashSet<>(targets).size() < targets.size()) {
            throw new InvalidRequestException("dependencies", "lists the same task more than once");
        }
        return targets;
    }

    /** 422 when "{@code id} depends on {@code target}" would be a self-dependency or close a cycle. */
    static void refuseCycle(DependencyGraph graph, TaskId id, TaskId target, String field) {
        Optional<List<String>> cycle = graph.findCycle(id.toString(), target.toString());
        if (cycle.isPresent()) {
            boolean self = cycle.get().size() == 2;
            throw new UnprocessableException(self ? "dependency-self" : "dependency-cycle",
                    self ? "A task cannot depend on itself" : "This dependency would close a cycle: " + String.join(" -> ", cycle.get()),
                    List.of(new FieldError(field, self ? "is the task itself" : "closes a cycle")));
        }
    }

    /**
     * 422 for a subtask's dependency on a top-level task. Task Master's file has no form for it: on a subtask,
     * {@code task-master next} reads {@code 1} and {@code "1"} as the sibling {@code parent.1} (its own
     * {@code add-dependency} writes {@code "1"} all the same), so export would hand Task Master, and a re-import,
     * another target than the one stored. See docs/taskmaster-rules.md.
     */
    static void refuseSubtaskOnTask(TaskId dependent, TaskId target, String field) {
        if (dependent.isSubtask() && !target.isSubtask()) {
            throw new UnprocessableException("dependency-not-expressible",
                    "A subtask can depend on subtasks only: Task Master reads a subtask's dependency " + target
                            + " as its sibling, so the file could not keep this dependency",
                    List.of(new FieldError(field, "names a top-level task; a subtask can depend on subtasks (such as 3.1)")));
        }
    }
}
