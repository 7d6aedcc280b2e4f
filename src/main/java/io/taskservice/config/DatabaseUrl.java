package io.taskservice.config;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The parts of a {@code DATABASE_URL} such as {@code postgresql://user:p%40ss@db:5432/tasks?sslmode=require}.
 *
 * <p>Every part is optional here ({@code null} when absent); {@link DatabaseSettings} decides what is
 * required once the discrete variables are merged in. User and password are percent-decoded as UTF-8.
 * Error messages never quote the URL, since it may hold a password.
 */
public record DatabaseUrl(String user, String password, String host, Integer port, String name, SslMode sslMode) {

    static final String VARIABLE = "DATABASE_URL";
    private static final String EXPECTED = "expected postgresql://user:password@host:port/name?sslmode=mode,"
            + " with special characters in user and password percent-encoded";

    /** Parses a URL; never returns {@code null}. */
    public static DatabaseUrl parse(String text) {
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            throw new DatabaseConfigException(VARIABLE + " must start with postgres:// or postgresql://");
        }
        String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
            // The scheme is not quoted back: a mangled value could be anything, a password included.
            String hint = scheme.startsWith("jdbc:") ? " (not a JDBC URL: drop the jdbc: prefix)" : "";
            throw new DatabaseConfigException(VARIABLE + " must start with postgres:// or postgresql://" + hint);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            // Deliberately not chained: URISyntaxException's message quotes the whole URL.
            throw malformed();
        }
        if (uri.getRawFragment() != null) {
            throw malformed();
        }
        String authority = uri.getRawAuthority();
        if (uri.getHost() == null && authority != null && !authority.isEmpty()) {
            // java.net.URI falls back to a "registry" authority when the server form does not parse:
            // an unencoded '@' or ':' in the password, or a non-numeric port.
            throw malformed();
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = emptyToNull(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String host = uri.getHost();
        if (host != null && host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        Integer port = uri.getPort() < 0 ? null : uri.getPort();
        if (port != null) {
            port = DatabaseSettings.checkPort(VARIABLE + " port", port);
        }
        return new DatabaseUrl(user, password, host, port, databaseName(uri.getRawPath()), sslMode(uri.getRawQuery()));
    }

    private static String databaseName(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return null;
        }
        String raw = rawPath.substring(1);
        if (raw.contains("/")) {
            throw new DatabaseConfigException(VARIABLE + " path must be a single database name, as in /tasks");
        }
        return decode(raw);
    }

    private static SslMode sslMode(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        SslMode mode = null;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (!key.equals("sslmode")) {
                String shown = key.matches("[A-Za-z_]{1,30}") ? " '" + key + "'" : "";
                throw new DatabaseConfigException(
                        VARIABLE + " has an unsupported query parameter" + shown + " (only sslmode is supported)");
            }
            mode = SslMode.parse("sslmode in " + VARIABLE, decode(eq < 0 ? "" : pair.substring(eq + 1)));
        }
        return mode;
    }

    /**
     * Percent-decoding as RFC 3986 defines it: unlike URLDecoder, '+' stays a plus sign. {@link URI} has
     * already rejected malformed escapes.
     */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) == '%') {
                bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 3;
            } else {
                int next = raw.indexOf('%', i);
                int end = next < 0 ? raw.length() : next;
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static DatabaseConfigException malformed() {
        return new DatabaseConfigException(VARIABLE + " is not a valid URL: " + EXPECTED);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseUrl[user=" + user + ", password=" + (password == null ? "<none>" : "<redacted>") + ", host="
                + host + ", port=" + port + ", name=" + name + ", sslMode=" + sslMode + "]";
    }
}
