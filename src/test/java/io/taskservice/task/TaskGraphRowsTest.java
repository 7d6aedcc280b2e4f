package io.taskservice.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskservice.task.graph.DependencyGraph;
import io.taskservice.task.graph.DependencyProblem;
import io.taskservice.task.graph.DependencyProblem.Kind;
import io.taskservice.task.graph.NextTaskRule;
import io.taskservice.task.graph.TaskNode;
import io.taskservice.task.graph.TaskNode.Dependency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TaskGraphRows}: database rows to task nodes, with dependencies kept as written. */
class TaskGraphRowsTest {

    private static final String BEYOND_LONG = "123456789012345678901";

    private static Object[] task(long id, String key, Long parentId, String parentKey, TaskStatus status) {
        return new Object[] {id, key, parentId, parentKey, "Task " + key, status, TaskPriority.MEDIUM};
    }

    private static Object[] unresolved(long taskId, int position, String written, boolean asNumber) {
        return new Object[] {taskId, (short) position, written, asNumber};
    }

    private static Object[] resolved(long taskId, int position, String written, String targetKey, String targetParentKey) {
        return new Object[] {taskId, (short) position, written, false, targetKey, targetParentKey};
    }

    private static final List<Object[]> TASKS = List.of(
            task(10, "1", null, null, TaskStatus.PENDING),
            task(11, "1", 10L, "1", TaskStatus.PENDING),
            task(20, "2", null, null, TaskStatus.DONE));

    @Test
    void keepsANumberBeyondALongAsWritten() {
        List<TaskNode> nodes = TaskGraphRows.toNodes(TASKS, List.of(),
                List.of(unresolved(10, 0, BEYOND_LONG, true), unresolved(11, 0, BEYOND_LONG, true)));
        assertThat(nodes.getFirst().dependencies()).containsExactly(new Dependency(BEYOND_LONG, BEYOND_LONG, true));
        // On a subtask a number is a sibling, as Task Master's next reads it.
        assertThat(nodes.getFirst().subtasks().getFirst().dependencies())
                .containsExactly(new Dependency("1." + BEYOND_LONG, BEYOND_LONG, true));
    }

    @Test
    void aNumberBeyondALongLeavesTheRulesWorking() {
        List<Object[]> tasks = List.of(task(10, "1", null, null, TaskStatus.IN_PROGRESS), TASKS.get(1), TASKS.get(2));
        List<TaskNode> nodes = TaskGraphRows.toNodes(tasks, List.of(),
                List.of(unresolved(10, 0, BEYOND_LONG, true), unresolved(10, 1, "99999999999999999999999", true)));
        assertThat(new NextTaskRule().next(nodes).map(TaskNode::id)).contains("1.1");
        // As task-master 0.43.1 reports it: 99999999999999999999999 is the double 1e+23 to Task Master, which its
        // taskExists and cycle walk read with parseInt as task 1 itself.
        assertThat(new DependencyGraph(nodes).problems()).containsExactly(
                new DependencyProblem(Kind.MISSING, "1", BEYOND_LONG), new DependencyProblem(Kind.CIRCULAR, "1", null));
        assertThat(new DependencyGraph(nodes).toMermaid()).contains("t_" + BEYOND_LONG + "[\"" + BEYOND_LONG + ": missing\"]");
        assertThat(new DependencyGraph(nodes).findCycle("2", "1")).isEmpty();
    }

    @Test
    void ordersResolvedAndUnresolvedDependenciesByPosition() {
        List<TaskNode> nodes = TaskGraphRows.toNodes(TASKS, List.of(resolved(10, 1, "2", "2", null), resolved(11, 0, "1.1", "1", "1")),
                List.of(unresolved(10, 0, "slug", false), unresolved(10, 2, "7", true)));
        assertThat(nodes.getFirst().dependencies()).containsExactly(
                new Dependency("slug", "slug", false), new Dependency("2", "2", false), new Dependency("7", "7", true));
        assertThat(nodes.getFirst().subtasks().getFirst().dependencyIds()).containsExactly("1.1");
        assertThat(nodes).extracting(TaskNode::id).containsExactly("1", "2");
    }
}
