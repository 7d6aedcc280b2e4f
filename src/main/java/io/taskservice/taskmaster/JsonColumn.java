package io.taskservice.taskmaster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON text to and from {@code jsonb} columns without touching a number: fractions keep their text
 * ({@link ExactDecimalNode}), integers of any size stay integers. Hibernate's JSON mapping would read
 * {@code 1.50} as a double and write it back as {@code 1.5}, so import and export pass the text instead.
 */
final class JsonColumn {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonColumn() {
    }

    /** The JSON text of a tree, numbers exactly as they are. */
    static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing a tree to a string does not fail
        }
    }

    /** The object a column holds; {@code null} for SQL NULL. */
    static ObjectNode object(String json) {
        if (json == null) {
            return null;
        }
        JsonNode node = parse(json);
        if (!node.isObject()) {
            throw new IllegalStateException("a JSON object column holds " + node.getNodeType());
        }
        return (ObjectNode) node;
    }

    static JsonNode parse(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return tree(parser, parser.nextToken());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // PostgreSQL hands out valid JSON only
        }
    }

    private static JsonNode tree(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                String name;
                while ((name = parser.nextFieldName()) != null) {
                    object.set(name, tree(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(tree(parser, next));
                }
                yield array;
            }
            case VALUE_STRING -> TextNode.valueOf(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> IntNode.valueOf(parser.getIntValue());
                case LONG -> LongNode.valueOf(parser.getLongValue());
                default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> new ExactDecimalNode(parser.getText());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.instance;
            default -> throw new IllegalStateException("unexpected token " + token);
        };
    }
}
