package io.taskservice.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a key is bound to: SHA-256 (hex) of method, path, query and body. A retry must send the same request; the
 * same key with another request is a client error (422), never a replay of an answer to something else.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    /** The fingerprint; {@code query} may be null. Each part is length-prefixed, so no two requests share one. */
    public static String of(String method, String path, String query, byte[] body) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
        for (byte[] part : new byte[][] {utf8(method), utf8(path), utf8(query == null ? "" : "?" + query), body}) {
            sha256.update(utf8(part.length + ":"));
            sha256.update(part);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
