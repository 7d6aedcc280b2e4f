package io.taskservice.task.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskservice.task.graph.TaskNode.Dependency;
import io.taskservice.task.graph.TaskNode.JsValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskNodeTest {

    @Test
    void taskDependencyNumberAndNumericStringMeanTheSameTask() {
        assertThat(Dependency.of(3, null).id()).isEqualTo("3");
        assertThat(Dependency.of("3", null).id()).isEqualTo("3");
    }

    @Test
    void taskDependencyWithDotIsASubtask() {
        assertThat(Dependency.of("3.1", null).id()).isEqualTo("3.1");
    }

    @Test
    void taskDependencyOnSlugIsThatTask() {
        assertThat(Dependency.of("rust-data-models", null).id()).isEqualTo("rust-data-models");
    }

    @Test
    void subtaskNumberDependencyIsASibling() {
        assertThat(Dependency.of(1, "5").id()).isEqualTo("5.1");
    }

    @Test
    void subtaskStringDependencyWithoutDotIsASiblingToo() {
        assertThat(Dependency.of("1", "5").id()).isEqualTo("5.1");
        assertThat(Dependency.of("rust-data-models", "5").id()).isEqualTo("5.rust-data-models");
    }

    @Test
    void subtaskDottedDependencyIsTakenAsWritten() {
        assertThat(Dependency.of("3.2", "5").id()).isEqualTo("3.2");
    }

    @Test
    void dependencyKeepsHowTheFileWroteIt() {
        assertThat(Dependency.of(1, "5")).isEqualTo(new Dependency("5.1", "1", true));
        assertThat(Dependency.of("1", "5")).isEqualTo(new Dependency("5.1", "1", false));
    }

    @Test
    void subtaskIdIsParentDotOwnId() {
        TaskNode subtask = TaskNode.subtask("21", 2, "Write", "pending", null, List.of(1));
        assertThat(subtask.id()).isEqualTo("21.2");
        assertThat(subtask.dependencyIds()).containsExactly("21.1");
    }

    @Test
    void numbersAreWrittenTheWayJavaScriptWritesThem() {
        assertThat(Dependency.text(3L)).isEqualTo("3");
        assertThat(Dependency.text(3.0)).isEqualTo("3");
        assertThat(Dependency.text(3.1)).isEqualTo("3.1");
    }

    @Test
    void parseIntReadsLeadingDigitsOnly() {
        assertThat(JsValue.parseInt("12abc")).isEqualTo(12);
        assertThat(JsValue.parseInt("3.1")).isEqualTo(3);
        assertThat(JsValue.parseInt("rust")).isNaN();
        assertThat(JsValue.parseInt("")).isNaN();
    }

    @Test
    void numberReadsTheWholeText() {
        assertThat(JsValue.number("12")).isEqualTo(12);
        assertThat(JsValue.number("")).isZero();
        assertThat(JsValue.number("12abc")).isNaN();
        assertThat(JsValue.number("0x10")).isEqualTo(16);
    }
}
