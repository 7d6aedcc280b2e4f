package io.taskservice.task.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskservice.task.graph.DependencyProblem.Kind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    private static TaskNode task(String id, Object... dependencies) {
        return TaskNode.task(id, "Task " + id, "pending", "medium", Arrays.asList(dependencies), List.of());
    }

    private static TaskNode parent(String id, List<Object> dependencies, TaskNode... subtasks) {
        return TaskNode.task(id, "Task " + id, "pending", "medium", dependencies, List.of(subtasks));
    }

    private static TaskNode sub(String parentId, int id, Object... dependencies) {
        return TaskNode.subtask(parentId, id, "Subtask " + id, "pending", null, Arrays.asList(dependencies));
    }

    private static DependencyGraph graph(TaskNode... tasks) {
        return new DependencyGraph(List.of(tasks));
    }

    private static DependencyProblem problem(Kind kind, String taskId, String dependencyId) {
        return new DependencyProblem(kind, taskId, dependencyId);
    }

    @Test
    void directCycleIsFound() {
        DependencyGraph graph = graph(task("1"), task("2", 1));
        assertThat(graph.findCycle("1", "2")).contains(List.of("1", "2", "1"));
        assertThat(graph.wouldCreateCycle("1", "2")).isTrue();
    }

    @Test
    void indirectCycleIsFoundWithItsPath() {
        DependencyGraph graph = graph(task("1"), task("2", 1), task("3", 2));
        assertThat(graph.findCycle("1", "3")).contains(List.of("1", "3", "2", "1"));
    }

    @Test
    void cycleThroughSubtasksIsFound() {
        DependencyGraph graph = graph(parent("1", List.of(), sub("1", 1, "2.1")), parent("2", List.of(), sub("2", 1, 2), sub("2", 2)));
        assertThat(graph.findCycle("2.2", "1.1")).contains(List.of("2.2", "1.1", "2.1", "2.2"));
    }

    @Test
    void selfDependencyIsACycle() {
        assertThat(graph(task("1")).findCycle("1", "1")).contains(List.of("1", "1"));
    }

    @Test
    void independentDependencyIsNoCycle() {
        DependencyGraph graph = graph(task("1"), task("2", 1), task("3"));
        assertThat(graph.wouldCreateCycle("3", "2")).isFalse();
        assertThat(graph.wouldCreateCycle("2", "3")).isFalse();
    }

    @Test
    void dependencyOnAnUnknownTaskIsNoCycle() {
        assertThat(graph(task("1")).wouldCreateCycle("1", "99")).isFalse();
        assertThat(graph(task("1")).contains("99")).isFalse();
    }

    @Test
    void validGraphHasNoProblems() {
        assertThat(graph(task("1"), task("2", 1), parent("3", List.of(2), sub("3", 1), sub("3", 2, 1))).problems()).isEmpty();
    }

    @Test
    void selfDependencyIsReportedAndIsCircularToo() {
        assertThat(graph(task("1", 1)).problems())
                .containsExactly(problem(Kind.SELF, "1", "1"), problem(Kind.CIRCULAR, "1", null));
    }

    @Test
    void missingTaskIsReported() {
        assertThat(graph(task("1", 16)).problems()).containsExactly(problem(Kind.MISSING, "1", "16"));
    }

    @Test
    void missingSubtaskIsReported() {
        assertThat(graph(task("1", "2.5"), parent("2", List.of(), sub("2", 1))).problems())
                .containsExactly(problem(Kind.MISSING, "1", "2.5"));
    }

    @Test
    void everyTaskLeadingIntoACycleIsCircular() {
        assertThat(graph(task("1", 2), task("2", 1), task("3", 1)).problems()).containsExactly(
                problem(Kind.CIRCULAR, "1", null), problem(Kind.CIRCULAR, "2", null), problem(Kind.CIRCULAR, "3", null));
    }

    @Test
    void subtaskCycleOverSiblingNumbersIsCircular() {
        assertThat(graph(task("1"), task("2"), parent("3", List.of(), sub("3", 1, 2), sub("3", 2, 1))).problems())
                .containsExactly(problem(Kind.CIRCULAR, "3.1", null), problem(Kind.CIRCULAR, "3.2", null));
    }

    @Test
    void subtaskNumberDependencyMustExistAsATopLevelTask() {
        // Task Master's quirk: 31.2 depends on its sibling 31.1, but validation looks for task 1.
        assertThat(graph(parent("31", List.of(), sub("31", 1), sub("31", 2, 1))).problems())
                .containsExactly(problem(Kind.MISSING, "31.2", "1"));
    }

    @Test
    void subtaskNumberSelfDependencyIsReported() {
        assertThat(graph(task("1"), task("2"), parent("3", List.of(), sub("3", 2, 2))).problems())
                .containsExactly(problem(Kind.SELF, "3.2", "2"), problem(Kind.CIRCULAR, "3.2", null));
    }

    @Test
    void subtaskDottedSelfDependencyIsReported() {
        assertThat(graph(parent("3", List.of(), sub("3", 1, "3.1"))).problems())
                .containsExactly(problem(Kind.SELF, "3.1", "3.1"), problem(Kind.CIRCULAR, "3.1", null));
    }

    @Test
    void slugDependencyIsAlwaysMissing() {
        assertThat(graph(task("rust-data-models"), task("api", "rust-data-models")).problems())
                .containsExactly(problem(Kind.MISSING, "api", "rust-data-models"));
    }

    @Test
    void slugSelfDependencyIsSelfAndCircular() {
        assertThat(graph(task("api", "api")).problems())
                .containsExactly(problem(Kind.SELF, "api", "api"), problem(Kind.CIRCULAR, "api", null));
    }

    @Test
    void problemMessagesAreTaskMasters() {
        assertThat(problem(Kind.MISSING, "1", "16").message()).isEqualTo("Task 1 depends on non-existent task 16");
        assertThat(problem(Kind.MISSING, "31.2", "1").message())
                .isEqualTo("Subtask 31.2 depends on non-existent task/subtask 1");
        assertThat(problem(Kind.CIRCULAR, "12.1", null).message())
                .isEqualTo("Subtask 12.1 is part of a circular dependency chain");
    }

    @Test
    void mermaidDrawsDependencyToDependent() {
        String mermaid = graph(task("1"), task("2", 1)).toMermaid();
        assertThat(mermaid).startsWith("flowchart TD\n").contains("    t_1 --> t_2\n");
    }

    @Test
    void mermaidShowsIdTitleAndStatus() {
        assertThat(graph(task("1")).toMermaid()).contains("t_1[\"1: Task 1<br/>(pending)\"]");
    }

    @Test
    void mermaidEscapesQuotesMarkupAndHash() {
        TaskNode task = TaskNode.task("1", "Say \"hi\" <b>#1</b> & `x`\nnext", "pending", null, List.of(), List.of());
        assertThat(graph(task).toMermaid())
                .contains("1: Say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt; #amp; #96;x#96; next<br/>(pending)")
                .doesNotContain("\"hi\"");
    }

    @Test
    void mermaidNodeIdsAreSafeAndDistinct() {
        assertThat(DependencyGraph.nodeId("21.2")).isEqualTo("t_21_2e_2");
        assertThat(DependencyGraph.nodeId("rust-data-models")).isEqualTo("t_rust_2d_data_2d_models");
        assertThat(DependencyGraph.nodeId("a_b")).isNotEqualTo(DependencyGraph.nodeId("a-b"));
        assertThat(DependencyGraph.nodeId("end")).isEqualTo("t_end");
    }

    @Test
    void mermaidPutsSubtasksInTheirParentsSubgraph() {
        String mermaid = graph(parent("3", List.of(), sub("3", 1), sub("3", 2, 1))).toMermaid();
        assertThat(mermaid).contains("subgraph t_group_2d_3 [\"3\"]", "t_3_2e_1[\"3.1: Subtask 1<br/>(pending)\"]", "t_3_2e_1 --> t_3_2e_2", "end\n");
    }

    @Test
    void mermaidMarksMissingDependencies() {
        assertThat(graph(task("1", 9)).toMermaid()).contains("t_9[\"9: missing\"]", "t_9 --> t_1");
    }
}
