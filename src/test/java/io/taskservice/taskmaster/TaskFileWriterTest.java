package io.taskservice.taskmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskFileWriterTest {

    private final TaskFileReader reader = new TaskFileReader();
    private final TaskFileWriter writer = new TaskFileWriter();

    private String roundTrip(String json) {
        return writer.writeString(reader.read(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesTaskMasterLayoutAndOrder() {
        ObjectNode extra = JsonNodeFactory.instance.objectNode().put("assignee", "ana");
        TaskRecord subtask = TaskRecord.builder(WrittenId.number(1), "Sub").status("done")
                .dependencies(List.of()).nullField(TaskRecord.DETAILS).build();
        TaskRecord task = TaskRecord.builder(WrittenId.string("setup"), "Set up").description("d").status("pending")
                .priority("high").dependencies(List.of(WrittenId.number(2), WrittenId.string("3.1")))
                .subtasks(List.of(subtask)).extra(extra).build();
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("created", "2025-01-01T00:00:00.000Z");
        TaskFile file = new TaskFile(List.of(new TaskList("master", List.of(task), metadata)), false);

        assertThat(writer.writeString(file)).isEqualTo("""
                {
                  "master": {
                    "tasks": [
                      {
                        "id": "setup",
                        "title": "Set up",
                        "description": "d",
                        "status": "pending",
                        "dependencies": [
                          2,
                          "3.1"
                        ],
                        "priority": "high",
                        "subtasks": [
                          {
                            "id": 1,
                            "title": "Sub",
                            "dependencies": [],
                            "details": null,
                            "status": "done"
                          }
                        ],
                        "assignee": "ana"
                      }
                    ],
                    "metadata": {
                      "created": "2025-01-01T00:00:00.000Z"
                    }
                  }
                }""");
    }

    @Test
    void writesLegacyFileTaggedAsMaster() {
        String written = roundTrip("{\"tasks\": [{\"id\": 1, \"title\": \"t\"}], \"metadata\": {}, \"extra\": 1}");
        assertThat(written).isEqualTo("""
                {
                  "master": {
                    "tasks": [
                      {
                        "id": 1,
                        "title": "t"
                      }
                    ],
                    "metadata": {},
                    "extra": 1
                  }
                }""");
    }

    @Test
    void writesNumbersWithTheirExactText() {
        String written = roundTrip("{\"T\": {\"tasks\": [], \"metadata\": {\"a\": 1.50, \"b\": 1e5, \"c\": -0.0,"
                + " \"d\": 123456789012345678901234567890, \"e\": 2.5E-3, \"f\": -7}}}");
        assertThat(written).contains("\"a\": 1.50", "\"b\": 1e5", "\"c\": -0.0", "\"d\": 123456789012345678901234567890",
                "\"e\": 2.5E-3", "\"f\": -7");
    }

    @Test
    void writesIdsAndDependenciesWithTheirJsonType() {
        String written = roundTrip("{\"T\": {\"tasks\": [{\"id\": \"10\", \"title\": \"t\", \"dependencies\": "
                + "[\"1\", 2, \"2.1\"]}, {\"id\": 11, \"title\": \"u\"}]}}");
        assertThat(written).contains("\"id\": \"10\"", "\"id\": 11", "\"1\",\n", "2,\n", "\"2.1\"\n");
    }

    @Test
    void writesExplicitNullsAndLeavesAbsentFieldsOut() {
        String written = roundTrip("{\"T\": {\"tasks\": [{\"id\": 1, \"title\": \"t\", \"details\": null,"
                + " \"priority\": null, \"dependencies\": null, \"subtasks\": null, \"status\": null}]}}");
        assertThat(written).contains("\"details\": null", "\"priority\": null", "\"dependencies\": null",
                "\"subtasks\": null", "\"status\": null").doesNotContain("description", "testStrategy", "metadata");
    }

    @Test
    void writesEmptyContainersLikeJsonStringify() {
        String written = roundTrip("{\"T\": {\"tasks\": [{\"id\": 1, \"title\": \"t\", \"subtasks\": [],"
                + " \"x\": {}, \"y\": [[], {}]}], \"metadata\": {}}}");
        assertThat(written).contains("\"subtasks\": [],", "\"x\": {},", "\"metadata\": {}", "    [],\n", "    {}\n");
    }

    @Test
    void escapesStringsAndKeepsUnicode() {
        String written = roundTrip("{\"T\": {\"tasks\": [{\"id\": 1, \"title\": \"quote \\\" back \\\\ tab \\t"
                + " nl \\n ctl \\u0001 emoji \uD83D\uDE00 é\"}]}}");
        assertThat(written).contains("\"title\": \"quote \\\" back \\\\ tab \\t nl \\n ctl \\u0001 emoji \uD83D\uDE00 é\"");
    }

    @Test
    void escapesControlCharactersInLowerCaseHexLikeJsonStringify() {
        assertThat(roundTrip("{\"T\": {\"tasks\": [{\"id\": 1, \"title\": \"a\\u001Fb/c\"}]}}"))
                .contains("\"title\": \"a\\u001fb/c\"");
    }

    @Test
    void keepsALoneSurrogate() {
        String written = roundTrip("{\"T\": {\"tasks\": [{\"id\": 1, \"title\": \"x\\ud800y\"}]}}");
        assertThat(reader.read(written.getBytes(StandardCharsets.UTF_8)).tags().getFirst().tasks().getFirst().title())
                .isEqualTo("x\ud800y");
    }

    @Test
    void writesTagsInTheirOrder() {
        assertThat(roundTrip("{\"z\": {\"tasks\": []}, \"a\": {\"tasks\": []}, \"m\": {\"tasks\": []}}"))
                .isEqualTo("{\n  \"z\": {\n    \"tasks\": []\n  },\n  \"a\": {\n    \"tasks\": []\n  },\n"
                        + "  \"m\": {\n    \"tasks\": []\n  }\n}");
    }

    @Test
    void modelIsImmutable() {
        String json = "{\"T\": {\"tasks\": [{\"id\": 1, \"title\": \"t\", \"x\": {\"y\": 1}}],"
                + " \"metadata\": {\"m\": 1}}}";
        TaskFile file = reader.read(json.getBytes(StandardCharsets.UTF_8));
        TaskList tag = file.tags().getFirst();
        ((ObjectNode) tag.tasks().getFirst().extra().get("x")).put("y", 2);
        tag.metadata().put("m", 2);
        assertThat(tag.tasks().getFirst().extra().get("x").get("y").intValue()).isEqualTo(1);
        assertThat(tag.metadata().get("m").intValue()).isEqualTo(1);
        assertThatThrownBy(() -> tag.tasks().add(tag.tasks().getFirst())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void recordRefusesInconsistentFields() {
        assertThatThrownBy(() -> TaskRecord.builder(WrittenId.number(1), "t").details("x").nullField(TaskRecord.DETAILS)
                .build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskRecord.builder(WrittenId.number(1), "t")
                .extra(JsonNodeFactory.instance.objectNode().put("title", "again")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WrittenId.number("3.1")).isInstanceOf(IllegalArgumentException.class);
    }
}
