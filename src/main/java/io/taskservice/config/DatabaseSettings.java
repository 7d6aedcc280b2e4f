package io.taskservice.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one home of the {@code DATABASE_*} variables: merges {@code DATABASE_URL} with the discrete
 * {@code DATABASE_HOST/PORT/NAME/USER/PASSWORD/SSLMODE} (a discrete value overrides the URL's part),
 * validates the result and derives everything Quarkus needs from it.
 *
 * <p>A plain class with no framework dependency, so every rule has a plain unit test.
 */
public record DatabaseSettings(String host, int port, String name, String user, String password, SslMode sslMode) {

    public static final String URL = "DATABASE_URL";
    public static final String HOST = "DATABASE_HOST";
    public static final String PORT = "DATABASE_PORT";
    public static final String NAME = "DATABASE_NAME";
    public static final String USER = "DATABASE_USER";
    public static final String PASSWORD = "DATABASE_PASSWORD";
    public static final String SSLMODE = "DATABASE_SSLMODE";

    public static final int DEFAULT_PORT = 5432;
    /** libpq's default: use TLS when the server offers it. */
    public static final SslMode DEFAULT_SSL_MODE = SslMode.PREFER;

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final int MAX_IDENTIFIER_BYTES = 63;

    /** What the active profile demands of the variables. */
    public record Requirements(boolean connectionRequired, boolean passwordRequired) {
        /** The packaged service: a database must be named and it must authenticate with a password. */
        public static final Requirements PRODUCTION = new Requirements(true, true);
        /** Dev mode and tests: nothing set means "start a local database for me". */
        public static final Requirements LOCAL = new Requirements(false, false);
    }

    /**
     * Reads the variables through {@code lookup} (environment, {@code .env}, system properties...).
     *
     * @return empty when no variable is set and the profile does not require a connection
     * @throws DatabaseConfigException naming the variable and the rule it broke
     */
    public static Optional<DatabaseSettings> resolve(Function<String, String> lookup, Requirements requirements) {
        String urlText = blankToNull(lookup.apply(URL));
        String hostText = blankToNull(lookup.apply(HOST));
        String portText = blankToNull(lookup.apply(PORT));
        String nameText = blankToNull(lookup.apply(NAME));
        String userText = blankToNull(lookup.apply(USER));
        // An empty password is a value (and maybe a mistake), not an absent variable.
        String passwordText = lookup.apply(PASSWORD);
        String sslText = blankToNull(lookup.apply(SSLMODE));

        boolean anySet = urlText != null || hostText != null || portText != null || nameText != null
                || userText != null || passwordText != null || sslText != null;
        if (!anySet) {
            if (requirements.connectionRequired()) {
                throw new DatabaseConfigException(URL + " or " + HOST
                        + " must be set: the packaged service has no fallback database");
            }
            return Optional.empty();
        }

        DatabaseUrl url = urlText == null ? new DatabaseUrl(null, null, null, null, null, null) : DatabaseUrl.parse(urlText);

        String host = hostText != null ? checkHost(hostText) : url.host();
        if (host == null) {
            throw new DatabaseConfigException(HOST + " (or a host in " + URL + ") must be set");
        }
        int port = portText != null ? parsePort(portText) : url.port() != null ? url.port() : DEFAULT_PORT;
        String name = nameText != null ? nameText : url.name();
        if (name == null) {
            throw new DatabaseConfigException(NAME + " (or a database name in " + URL + ", as in /tasks) must be set");
        }
        checkIdentifier(NAME, name);
        String user = userText != null ? userText : url.user();
        if (user == null) {
            throw new DatabaseConfigException(USER + " (or a user in " + URL + ") must be set");
        }
        checkIdentifier(USER, user);
        String password = passwordText != null ? passwordText : url.password();
        if (requirements.passwordRequired() && (password == null || password.isEmpty())) {
            throw new DatabaseConfigException(PASSWORD + " (or a password in " + URL
                    + ") must not be empty: this profile requires password authentication");
        }
        SslMode sslMode = sslText != null ? SslMode.parse(SSLMODE, sslText)
                : url.sslMode() != null ? url.sslMode() : DEFAULT_SSL_MODE;
        return Optional.of(new DatabaseSettings(host, port, name, user, password == null || password.isEmpty() ? null : password, sslMode));
    }

    /** The Vert.x reactive client's URL; credentials travel separately, never in a URL. */
    public String reactiveUrl() {
        return "postgresql://" + hostForUrl() + ":" + port + "/" + encodedName();
    }

    /** The JDBC URL, used by Flyway only. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + encodedName() + "?sslmode=" + sslMode.value();
    }

    /** The Quarkus properties these settings stand for. */
    public Map<String, String> quarkusProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.datasource.reactive.url", reactiveUrl());
        properties.put("quarkus.datasource.jdbc.url", jdbcUrl());
        properties.put("quarkus.datasource.username", user);
        if (password != null) {
            properties.put("quarkus.datasource.password", password);
        }
        properties.put("quarkus.datasource.reactive.postgresql.ssl-mode", sslMode.value());
        // libpq's "require" encrypts without verifying the certificate; the Vert.x client verifies unless told
        // to trust all. verify-ca and verify-full keep verification (configure the trust store, see docs).
        if (sslMode == SslMode.REQUIRE || sslMode == SslMode.PREFER || sslMode == SslMode.ALLOW) {
            properties.put("quarkus.datasource.reactive.trust-all", "true");
        }
        if (sslMode == SslMode.VERIFY_FULL) {
            properties.put("quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS");
        }
        return properties;
    }

    /** Host and port, safe to log and to show in health payloads. */
    public String address() {
        return hostForUrl() + ":" + port + "/" + name;
    }

    static int checkPort(String variable, int port) {
        if (port < 1 || port > 65535) {
            throw new DatabaseConfigException(variable + " must be a whole number from 1 to 65535 (got " + port + ")");
        }
        return port;
    }

    private static int parsePort(String text) {
        if (!text.matches("[0-9]{1,9}")) {
            String shown = text.length() <= 12 ? " (got '" + text + "')" : "";
            throw new DatabaseConfigException(PORT + " must be a whole number from 1 to 65535" + shown);
        }
        return checkPort(PORT, Integer.parseInt(text));
    }

    private static String checkHost(String text) {
        String host = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        long colons = host.chars().filter(c -> c == ':').count();
        boolean valid = colons >= 2 ? IPV6.matcher(host).matches() : colons == 0 && HOST_NAME.matcher(host).matches();
        if (!valid) {
            throw new DatabaseConfigException(HOST + " must be a host name or IP address, without scheme, port or path");
        }
        return host;
    }

    private static void checkIdentifier(String variable, String value) {
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
            throw new DatabaseConfigException(variable + " must be at most " + MAX_IDENTIFIER_BYTES + " bytes long");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new DatabaseConfigException(variable + " must not contain control characters");
        }
    }

    private String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private String encodedName() {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[" + user + "@" + address() + ", sslmode=" + sslMode.value() + ", password="
                + (password == null ? "<none>" : "<redacted>") + "]";
    }
}
