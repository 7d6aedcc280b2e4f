package io.taskservice.api;

/**
 * Entity tags from optimistic-lock versions: {@code "7"} for version 7. A strong tag, since the version
 * changes with every change of the representation.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header names, or {@code null} when the header is absent or {@code *}.
     *
     * @throws PreconditionFailedException when the header names no version of ours (it cannot match)
     */
    public static Long versionOf(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            throw new PreconditionFailedException(what); // If-Match uses strong comparison (RFC 9110 13.1.1)
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new PreconditionFailedException(what);
        }
    }
}
