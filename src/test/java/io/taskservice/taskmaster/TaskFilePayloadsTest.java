package io.taskservice.taskmaster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskservice.taskmaster.TaskFileRows.DependencyRow;
import io.taskservice.taskmaster.TaskFileRows.TagRow;
import io.taskservice.taskmaster.TaskFileRows.TaskRow;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planned rows become column arrays with the allocated ids in place of local ones. */
class TaskFilePayloadsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void localIdsBecomeAllocatedIdsAndDependenciesSplitByResolution() {
        ObjectNode extra = NODES.objectNode().put("estimate", new BigDecimal("1.50"));
        TaskFileRows rows = new TaskFileRows(
                List.of(new TagRow(0, "master", null, NODES.objectNode()), new TagRow(1, "feature", NODES.objectNode(), NODES.objectNode())),
                List.of(new TaskRow(0, 1, null, "1", "Parent", "d", null, null, "pending", "high", 0, extra, NODES.objectNode()),
                        new TaskRow(1, 1, 0L, "1", "Child", "d", null, null, "done", null, 0, NODES.objectNode(), NODES.objectNode())),
                List.of(new DependencyRow(1, 0, 0L, "1", false), new DependencyRow(0, 0, null, "99", true)));

        TaskFilePayloads payloads = TaskFilePayloads.of(rows, List.of(500L, 501L), List.of(900L, 901L));

        assertThat(payloads.tags().id()).containsExactly(500L, 501L);
        assertThat(payloads.tags().metadata()).containsExactly(null, "{}");
        assertThat(payloads.tasks().id()).containsExactly(900L, 901L);
        assertThat(payloads.tasks().tagId()).containsExactly(501L, 501L);
        assertThat(payloads.tasks().parentId()).containsExactly(null, 900L);
        assertThat(payloads.tasks().priority()).containsExactly("high", null);
        assertThat(payloads.tasks().extra()[0]).as("numbers keep their written form").isEqualTo("{\"estimate\":1.50}");
        assertThat(payloads.resolved().taskId()).containsExactly(901L);
        assertThat(payloads.resolved().dependsOnId()).containsExactly(900L);
        assertThat(payloads.resolved().tagId()).containsExactly(501L);
        assertThat(payloads.unresolved().taskId()).containsExactly(900L);
        assertThat(payloads.unresolved().written()).containsExactly("99");
        assertThat(payloads.unresolved().writtenAsNumber()).containsExactly(true);
    }

    @Test
    void aTableWithoutRowsHasNoColumns() {
        TaskFilePayloads payloads = TaskFilePayloads.of(new TaskFileRows(List.of(), List.of(), List.of()), List.of(), List.of());

        assertThat(payloads.tags()).isNull();
        assertThat(payloads.tasks()).isNull();
        assertThat(payloads.resolved()).isNull();
        assertThat(payloads.unresolved()).isNull();
    }
}
