package io.taskservice.taskmaster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.taskservice.support.TaskMasterFiles;
import io.taskservice.support.TaskMasterFiles.Fixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON helpers for comparing Task Master files: exact trees, differences, number texts. The files themselves come
 * from {@link TaskMasterFiles}: the project's own fixtures, plus the real ones when configured.
 */
final class TaskMasterFixtures {

    /** Plain Jackson, exact for numbers: fractions as BigDecimal with their scale. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private TaskMasterFixtures() {
    }

    static byte[] bytes(Fixture fixture) {
        return fixture.bytes();
    }

    static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every difference between two trees, as {@code path: what}; empty when they are equal. */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        compare("$", expected, actual, differences);
        return differences;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.getNodeType() != actual.getNodeType()) {
            differences.add(path + ": expected " + expected.getNodeType() + " " + abbreviate(expected)
                    + ", was " + actual.getNodeType() + " " + abbreviate(actual));
        } else if (expected.isObject()) {
            for (Map.Entry<String, JsonNode> entry : expected.properties()) {
                JsonNode other = actual.get(entry.getKey());
                if (other == null) {
                    differences.add(path + "." + entry.getKey() + ": missing");
                } else {
                    compare(path + "." + entry.getKey(), entry.getValue(), other, differences);
                }
            }
            for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!expected.has(name)) {
                    differences.add(path + "." + name + ": unexpected");
                }
            }
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                differences.add(path + ": expected " + expected.size() + " elements, was " + actual.size());
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), differences);
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": expected " + abbreviate(expected) + ", was " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    /** The text of every number in the document, sorted: proves that no number was rewritten. */
    static List<String> numberTexts(byte[] json) {
        List<String> numbers = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    numbers.add(parser.getText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        numbers.sort(null);
        return numbers;
    }
}
