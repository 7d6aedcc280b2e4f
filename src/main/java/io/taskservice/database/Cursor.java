package io.taskservice.database;

import io.taskservice.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A keyset position: the sort it belongs to, the last row's sort value and its unique id, written as
 * opaque base64url text for {@code after=}. Keyset pages stay correct while rows are inserted or deleted:
 * each page starts strictly after the last row seen, not at an offset that shifts.
 */
public record Cursor(String sortField, boolean descending, Object sortValue, long id) {

    private static final String SEPARATOR = "\n";

    /** The cursor that resumes {@code sort} after the row with this value and id. */
    public static Cursor after(Sort sort, Object sortValue, long id) {
        return new Cursor(sort.field(), sort.descending(), sortValue, id);
    }

    public String encode() {
        String text = String.join(SEPARATOR, sortField, descending ? "d" : "a", Long.toString(id),
                Sort.Column.format(sortValue));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidRequestException when the text is not a cursor this service wrote for {@code sort} */
    public static Cursor decode(String text, Sort sort) {
        String[] parts;
        long id;
        Object value;
        try {
            parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(SEPARATOR, 4);
            if (parts.length != 4 || !parts[1].matches("[ad]")) {
                throw malformed();
            }
            id = Long.parseLong(parts[2]);
            value = sort.column().parse(parts[3]);
        } catch (IllegalArgumentException | DateTimeParseException e) { // bad base64, id or value
            throw malformed();
        }
        if (!parts[0].equals(sort.field()) || parts[1].equals("d") != sort.descending()) {
            throw new InvalidRequestException("after", "was issued for another sort order: repeat the same sort parameter");
        }
        return new Cursor(parts[0], sort.descending(), value, id);
    }

    private static InvalidRequestException malformed() {
        return new InvalidRequestException("after", "is not a valid cursor: use the 'next' value of a previous page");
    }
}
