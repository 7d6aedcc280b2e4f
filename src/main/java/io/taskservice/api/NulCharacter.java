package io.taskservice.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * U+0000, which PostgreSQL refuses in text and jsonb: the check of request text before it reaches a query.
 * Other control characters are stored as they come.
 */
public final class NulCharacter {

    /** What a request is told about a value with U+0000. */
    public static final String RULE = "must not contain the character U+0000";

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] ESCAPE = "\\u0000".getBytes(StandardCharsets.US_ASCII);

    private NulCharacter() {
    }

    public static boolean in(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /**
     * The path ({@code title}, {@code extra.notes[2]}) of the first string or key in a JSON document that
     * contains U+0000, or empty when there is none or the document is not JSON (the JSON reader then says why).
     */
    public static Optional<String> pathInJson(byte[] json) {
        if (indexOf(json, ESCAPE) < 0 && indexOf(json, new byte[] {0}) < 0) {
            return Optional.empty(); // in JSON text U+0000 is always written \u0000 (or, in UTF-16/32, has 0 bytes)
        }
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) && in(parser.getText())) {
                    return Optional.of(path(parser.getParsingContext()));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName().replace("\0", "\\u0000"));
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i <= data.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
