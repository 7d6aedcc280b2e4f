package io.taskservice.task.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NextTaskRuleTest {

    private final NextTaskRule rule = new NextTaskRule();

    private static TaskNode task(String id, String status, String priority, Object... dependencies) {
        return TaskNode.task(id, "Task " + id, status, priority, Arrays.asList(dependencies), List.of());
    }

    private static TaskNode parent(String id, String status, String priority, TaskNode... subtasks) {
        return TaskNode.task(id, "Task " + id, status, priority, List.of(), List.of(subtasks));
    }

    private static TaskNode sub(String parentId, int id, String status, String priority, Object... dependencies) {
        return TaskNode.subtask(parentId, id, "Subtask " + id, status, priority, Arrays.asList(dependencies));
    }

    private Optional<String> next(TaskNode... tasks) {
        return rule.next(List.of(tasks)).map(TaskNode::id);
    }

    @Test
    void emptyListHasNoNextTask() {
        assertThat(next()).isEmpty();
    }

    @Test
    void allDoneHasNoNextTask() {
        assertThat(next(task("1", "done", "high"), task("2", "done", "low"))).isEmpty();
    }

    @Test
    void nextPrefersHigherPriority() {
        assertThat(next(task("1", "pending", "low"), task("2", "pending", "critical"), task("3", "pending", "high")))
                .contains("2");
    }

    @Test
    void nextPrefersFewerDependenciesAtEqualPriority() {
        assertThat(next(task("1", "done", "high"), task("2", "pending", "medium", 1), task("3", "pending", "medium")))
                .contains("3");
    }

    @Test
    void nextCountsCompletedDependenciesToo() {
        assertThat(next(task("1", "done", "high"), task("5", "pending", "medium", 1), task("9", "pending", "medium")))
                .contains("9");
    }

    @Test
    void nextPrefersLowerIdNumericallyNotAsText() {
        assertThat(next(task("10", "pending", "medium"), task("9", "pending", "medium"))).contains("9");
    }

    @Test
    void nextSkipsTasksWithOpenDependencies() {
        assertThat(next(task("1", "pending", "low"), task("2", "pending", "critical", 1))).contains("1");
    }

    @Test
    void cancelledDependencyIsNotSatisfied() {
        assertThat(next(task("1", "cancelled", "low"), task("2", "pending", "high", 1))).isEmpty();
    }

    @Test
    void reviewDeferredBlockedAreNeverChosen() {
        assertThat(next(task("1", "review", "high"), task("2", "deferred", "high"), task("3", "blocked", "high")))
                .isEmpty();
    }

    @Test
    void inProgressTaskWithoutOpenSubtasksCanBeChosen() {
        assertThat(next(task("1", "in-progress", "medium"))).contains("1");
    }

    @Test
    void subtaskOfInProgressParentComesBeforeAHigherPriorityTask() {
        assertThat(next(task("1", "pending", "critical"), parent("2", "in-progress", "low", sub("2", 1, "pending", null))))
                .contains("2.1");
    }

    @Test
    void subtasksOfPendingParentsAreNotChosen() {
        assertThat(next(parent("1", "pending", "low", sub("1", 1, "pending", "critical")))).contains("1");
    }

    @Test
    void subtaskWaitsForItsSibling() {
        assertThat(next(parent("4", "in-progress", "medium",
                sub("4", 1, "pending", "low"), sub("4", 2, "pending", "critical", 1))))
                .contains("4.1");
    }

    @Test
    void doneSiblingSatisfiesASubtaskDependency() {
        assertThat(next(parent("4", "in-progress", "medium",
                sub("4", 1, "done", null), sub("4", 2, "pending", null, "1"))))
                .contains("4.2");
    }

    @Test
    void subtaskWithoutPriorityTakesItsParents() {
        assertThat(next(parent("1", "in-progress", "low", sub("1", 1, "pending", null)),
                parent("2", "in-progress", "high", sub("2", 1, "pending", null))))
                .contains("2.1");
    }

    @Test
    void subtaskStatusIsReadCaseInsensitively() {
        assertThat(next(parent("1", "in-progress", "low", sub("1", 1, "done", null), sub("1", 2, "IN-PROGRESS", null))))
                .contains("1.2");
    }

    @Test
    void subtaskWithoutStatusIsPending() {
        assertThat(next(parent("1", "in-progress", "low", sub("1", 1, null, null)))).contains("1.1");
    }

    @Test
    void completedIsNotDone() {
        assertThat(next(parent("1", "in-progress", "low", sub("1", 1, "completed", null), sub("1", 2, "pending", null, 1))))
                .contains("1");
    }

    @Test
    void doneSubtaskSatisfiesADottedTaskDependency() {
        assertThat(next(parent("1", "done", "low", sub("1", 1, "done", null)), task("2", "pending", "low", "1.1")))
                .contains("2");
    }

    @Test
    void subtasksOfAReviewTaskDoNotCountAsDone() {
        assertThat(next(parent("1", "review", "low", sub("1", 1, "done", null)), task("2", "pending", "low", "1.1")))
                .isEmpty();
    }

    @Test
    void unknownSubtaskPriorityCountsAsMedium() {
        assertThat(next(parent("1", "in-progress", "low", sub("1", 1, "pending", "urgent"), sub("1", 2, "pending", "low"))))
                .contains("1.1");
    }

    @Test
    void subtasksTieBreakOnParentThenSubtaskNumber() {
        assertThat(next(parent("10", "in-progress", "medium", sub("10", 1, "pending", null)),
                parent("9", "in-progress", "medium", sub("9", 3, "pending", null), sub("9", 2, "pending", null))))
                .contains("9.2");
    }

    @Test
    void slugIdsTieWithEverythingSoListOrderDecides() {
        assertThat(next(task("rust-data-models", "pending", "medium"), task("1", "pending", "medium"))).contains("rust-data-models");
        assertThat(next(task("2", "pending", "medium"), task("slug", "pending", "medium"), task("1", "pending", "medium")))
                .contains("2");
    }

    @Test
    void slugIdsStillLoseOnPriority() {
        assertThat(next(task("slug", "pending", "low"), task("7", "pending", "high"))).contains("7");
    }

    @Test
    void sortsLikeV8WithManyCandidates() {
        List<TaskNode> tasks = new ArrayList<>();
        for (int i = 100; i > 0; i--) {
            tasks.add(task(i % 7 == 0 ? "slug-" + i : String.valueOf(i), "pending", "medium"));
        }
        // Node.js (V8) sorts these 100 ids with "slug-98" ... "slug-7" in between and answers 51, not 1.
        assertThat(rule.next(tasks)).map(TaskNode::id).contains("51");
    }
}
