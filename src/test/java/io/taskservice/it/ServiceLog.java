package io.taskservice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged service's output read as the JSON log that operators ship: one JSON object per line, with
 * Quarkus' {@code level}, {@code loggerName} and {@code message} fields.
 */
record ServiceLog(List<JsonNode> records) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses every line of {@code service}'s output; fails naming the first line that is not JSON. */
    static ServiceLog of(PackagedService service) {
        List<JsonNode> records = new ArrayList<>();
        List<String> lines = service.outputLines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            try {
                JsonNode record = JSON.readTree(line);
                assertThat(record != null && record.isObject()).as("line %d is a JSON object: %s", i + 1, line).isTrue();
                records.add(record);
            } catch (IOException e) {
                throw new AssertionError("Line " + (i + 1) + " of " + service.log() + " is not JSON: " + line, e);
            }
        }
        return new ServiceLog(records);
    }

    List<JsonNode> at(String level) {
        return records.stream().filter(r -> r.path("level").asText().equals(level)).toList();
    }

    List<JsonNode> containing(String text) {
        return records.stream().filter(r -> r.toString().contains(text)).toList();
    }

    static String message(JsonNode record) {
        return record.path("level").asText() + " " + record.path("loggerName").asText() + ": " + record.path("message").asText();
    }
}
