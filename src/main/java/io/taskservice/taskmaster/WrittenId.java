package io.taskservice.taskmaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A Task Master id or dependency as the file wrote it: its text and whether the JSON held a number ({@code 21})
 * or a string ({@code "21"}, {@code "rust-data-models"}, {@code "3.1"}).
 */
public record WrittenId(String text, Type type) {

    /** The JSON type the value had in the file. */
    public enum Type {
        NUMBER,
        STRING
    }

    public WrittenId {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        if (type == Type.NUMBER && !isDigits(text)) {
            throw new IllegalArgumentException("a numeric id must be a non-negative integer");
        }
    }

    /** A JSON number such as {@code 21}. */
    public static WrittenId number(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a numeric id must be a non-negative integer");
        }
        return new WrittenId(Long.toString(value), Type.NUMBER);
    }

    /** A JSON number given by its digits. */
    public static WrittenId number(String digits) {
        return new WrittenId(digits, Type.NUMBER);
    }

    /** A JSON string such as {@code "21"}, {@code "rust-data-models"} or {@code "3.1"}. */
    public static WrittenId string(String text) {
        return new WrittenId(text, Type.STRING);
    }

    public boolean isNumber() {
        return type == Type.NUMBER;
    }

    /** Whether the text is all digits, whatever its JSON type: {@code 21} and {@code "21"} both are. */
    public boolean isNumeric() {
        return isDigits(text);
    }

    /** Whether this is a dotted subtask reference such as {@code "3.1"}. */
    public boolean isDotted() {
        return text.indexOf('.') >= 0;
    }

    /**
     * The text Task Master compares ids by ({@code String(id)}), with leading zeros of a numeric id removed
     * because Task Master also reads ids with {@code parseInt}: {@code 7}, {@code "7"} and {@code "07"} are one id.
     */
    public String canonical() {
        if (!isDotted()) {
            return canonicalPart(text);
        }
        String[] parts = text.split("\\.", -1);
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                result.append('.');
            }
            result.append(canonicalPart(parts[i]));
        }
        return result.toString();
    }

    /** The value as the JSON node it was: a number or a string. */
    public JsonNode toJson() {
        if (type == Type.STRING) {
            return TextNode.valueOf(text);
        }
        BigInteger value = new BigInteger(text);
        return value.bitLength() < 64 ? LongNode.valueOf(value.longValue()) : BigIntegerNode.valueOf(value);
    }

    @Override
    public String toString() {
        return text;
    }

    private static String canonicalPart(String part) {
        return isDigits(part) ? new BigInteger(part).toString() : part;
    }

    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
