package io.taskservice.api;

import io.taskservice.error.PreconditionFailedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

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

    /** {@code 200 OK} with {@code entity} and the ETag of its {@code version}. */
    public static Response ok(Object entity, long version) {
        return Response.ok(entity).header(HttpHeaders.ETAG, of(version)).build();
    }

    /** A strong tag for a representation without a version: 128 bits of the SHA-256 of its bytes. */
    public static String ofContent(byte[] body) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16)) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Whether {@code If-None-Match} lets a GET go on (true), or names {@code etag} so the answer is 304 (false).
     * Weak comparison (RFC 9110 13.1.2): {@code W/"7"} matches {@code "7"}; {@code *} matches any.
     */
    public static boolean noneMatch(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return true;
        }
        String opaque = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(opaque)) {
                return false;
            }
        }
        return true;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
