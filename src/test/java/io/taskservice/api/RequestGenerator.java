package io.taskservice.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Requests for the operations of the OpenAPI document from one seed, mixing valid values (the fixture's
 * project {@code fz}, tag {@code master}, tasks 1, 1.1 and 2) with the inputs that once broke the service:
 * paging values that overflow or are not numbers, U+0000 anywhere, very long paths, queries and headers,
 * malformed percent-encoding, bodies of the wrong JSON type at every level, odd Content-Type and Accept, a
 * declared body over the size limit.
 */
final class RequestGenerator {

    private static final String[] WEIRD_SEGMENTS = {"%00", "a%00b", "%zz", "%", "%e0%a4", "%C3%A9", "%FF", "..", "%2F",
            "%2e%2e", "-1", "0", "1.2.3", "99999999999999999999", "%20", "%3Bx", "A", "1.", ".1", "%0A"};
    private static final String[] WEIRD_QUERY = {"%00", "a%00b", "%zz", "%", "-1", "abc", "2147483647", "99999999999",
            "1e3", "", "%FF", "a%26b", "0x10", "%2B1", "%201", "%E2%82%AC", "-2147483648", "4294967296"};
    private static final String[] CONTENT_TYPES = {"text/plain", ";;;", "application/json; charset=bogus", "/",
            "application/xml", "application/json;;", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
            "*/*", "application/merge-patch+json", "application/json", "a/b/c", "application/json; charset=utf-16"};
    private static final String[] ACCEPTS = {"application/json", "*/*", "text/plain", ";;;", "application/problem+json",
            "text/vnd.mermaid", "text/html;q=0.9, */*;q=0.1", "a/b; q=x", "/", "image/png", "application/*"};
    private static final String[] IF_MATCH = {"\"0\"", "*", "W/\"1\"", "garbage", "\"99999999999999999999\"", "\"-1\"", "\"\"", ""};
    private static final String[] STRINGS = {"a", "demo-1", "Some title", "1", "1.1", "2", "é€😀", "", " ", "none",
            "pending", "done", "high", "master", "fz", "3.1", "a\\u0000b", "\\u0000", "\\u0001\\u001f", "x".repeat(1001),
            "\\ud800", "<script>"};
    private static final String[] ANY_JSON = {"1", "-1", "1.5", "true", "false", "null", "[]", "{}", "[1,\"a\"]",
            "{\"a\":{\"b\":[null]}}", "1e400", "99999999999999999999", "\"a\\u0000\"", "{\"a\\u0000\":1}", "[\"\\u0000\"]"};
    private static final String[] MALFORMED = {"{", "{\"a\":}", "", "nul", "{\"title\":\"x\",}", "[1,2", "\"unterminated",
            "{\"a\":1}{\"b\":2}", "\u00ff\u00fe", "{'a':1}"};

    private final Random random;

    RequestGenerator(long seed) {
        this.random = new Random(seed);
    }

    int randomIndex(int bound) {
        return random.nextInt(bound);
    }

    GeneratedRequest next(ApiOperations.Operation operation, ApiOperations api) {
        List<String> segments = new ArrayList<>();
        for (String part : operation.path().split("/", -1)) {
            segments.add(part.startsWith("{") ? pathValue(part.substring(1, part.length() - 1)) : part);
        }
        List<String[]> query = new ArrayList<>();
        for (ApiOperations.Parameter p : operation.in("query")) {
            if (chance(50)) {
                query.add(new String[] {p.name(), chance(60) ? validQuery(p.name()) : weirdQuery()});
            }
        }
        if (chance(5)) {
            query.add(new String[] {pick("zzz", "%00", "a%00", "%zz", "page", "size", "&", "="), weirdQuery()});
        }
        if (chance(2)) {
            query.add(new String[] {"long", "x".repeat(9000)}); // over the 8 KB request target: 414
        }
        List<String[]> headers = new ArrayList<>();
        if (!chance(2)) {
            headers.add(new String[] {"Host", "localhost"}); // without it: 400 from the router
        }
        if (chance(30)) {
            headers.add(new String[] {"Accept", pick(ACCEPTS)});
        }
        for (ApiOperations.Parameter p : operation.in("header")) {
            if (chance(50)) {
                headers.add(new String[] {p.name(), pick(IF_MATCH)});
            }
        }
        if (chance(2)) {
            headers.add(new String[] {"X-Padding", "p".repeat(21 * 1024)}); // over the 20 KB of headers: 431
        }
        byte[] body = null;
        Long contentLength = null;
        boolean takesBody = operation.bodyMediaType() != null;
        if (takesBody || chance(5)) {
            headers.add(new String[] {"Content-Type", chance(80) && takesBody ? operation.bodyMediaType() : pick(CONTENT_TYPES)});
            body = body(operation, api).getBytes(StandardCharsets.UTF_8);
            if (chance(2)) {
                contentLength = 20_000_000L; // declared over the 10 MB limit: 413 from the headers alone
            }
        }
        return new GeneratedRequest(operation, operation.method(), segments, query, headers, body, contentLength);
    }

    private String pathValue(String name) {
        if (chance(25)) {
            return chance(5) ? "x".repeat(9000) : pick(WEIRD_SEGMENTS);
        }
        return switch (name) {
            case "project" -> chance(85) ? "fz" : "p" + random.nextInt(1000);
            case "tag" -> chance(85) ? "master" : pick("feature", "t" + random.nextInt(100));
            case "id", "dependsOn" -> pick("1", "2", "1.1", "3", "999", "slug-a", "1.9");
            default -> "a";
        };
    }

    private String validQuery(String name) {
        return switch (name) {
            case "page" -> String.valueOf(random.nextInt(4));
            case "size" -> String.valueOf(1 + random.nextInt(500));
            case "sort" -> pick("id", "title,desc", "priority,asc", "status", "createdAt,desc", "updatedAt");
            case "status" -> pick("pending", "done,pending", "in-progress");
            case "priority" -> pick("high", "low", "critical");
            case "parent" -> pick("none", "1", "2");
            case "q" -> pick("a", "task", "%25", "_");
            case "after" -> pick("aWQKYQoxCjE", "aWQKZAoxCjE", "dGl0bGUKYQoxCng");
            case "replace" -> pick("true", "false");
            default -> "1";
        };
    }

    private String weirdQuery() {
        return chance(3) ? "x".repeat(300) : pick(WEIRD_QUERY);
    }

    private String body(ApiOperations.Operation operation, ApiOperations api) {
        int kind = random.nextInt(100);
        if (kind < 10) {
            return pick(ANY_JSON); // the wrong JSON type at the top level
        }
        if (kind < 18) {
            return pick(MALFORMED);
        }
        if (kind < 20) {
            return "[".repeat(1200) + "]".repeat(1200); // deeper than the parser allows
        }
        if (operation.path().endsWith("/import")) {
            return taskFile();
        }
        return value(operation.bodySchema(), api, 0);
    }

    /** A value for a schema: mostly of its type, sometimes of another, sometimes with U+0000. */
    private String value(JsonNode schema, ApiOperations api, int depth) {
        JsonNode s = schema == null ? null : api.resolve(schema);
        if (s == null || depth > 4 || chance(15)) {
            return chance(50) ? pick(ANY_JSON) : quoted(pick(STRINGS));
        }
        if (s.has("enum") && chance(80)) {
            JsonNode values = s.get("enum");
            return "\"" + values.get(random.nextInt(values.size())).asText() + "\"";
        }
        String type = s.path("type").isArray() ? s.path("type").path(0).asText() : s.path("type").asText("object");
        return switch (type) {
            case "string" -> quoted(pick(STRINGS));
            case "integer", "number" -> pick("0", "1", "-5", "2147483648", "1.5");
            case "boolean" -> pick("true", "false");
            case "array" -> {
                StringBuilder out = new StringBuilder("[");
                for (int i = random.nextInt(3); i > 0; i--) {
                    out.append(value(s.path("items"), api, depth + 1)).append(i > 1 ? "," : "");
                }
                yield out.append("]").toString();
            }
            default -> object(s, api, depth);
        };
    }

    private String object(JsonNode schema, ApiOperations api, int depth) {
        StringBuilder out = new StringBuilder("{");
        String separator = "";
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (chance(75)) {
                out.append(separator).append('"').append(field.getKey()).append("\":").append(value(field.getValue(), api, depth + 1));
                separator = ",";
            }
        }
        if (chance(10) || !schema.has("properties")) {
            out.append(separator).append(quoted(pick("k", "k\\u0000", "title", "extra"))).append(':').append(pick(ANY_JSON));
        }
        return out.append('}').toString();
    }

    private String taskFile() {
        String task = "{\"id\":" + pick("1", "\"2\"", "0", "-1", "\"a\\u0000\"", "null", "1.5") + ",\"title\":"
                + quoted(pick(STRINGS)) + (chance(50) ? ",\"details\":" + quoted(pick(STRINGS)) : "")
                + (chance(30) ? ",\"dependencies\":" + pick("[1]", "[\"1.1\"]", "[\"\\u0000\"]", "{}", "[[]]") : "")
                + (chance(30) ? ",\"status\":" + pick("\"done\"", "\"x\"", "5", "null") : "")
                + (chance(20) ? ",\"x\\u0000\":1" : "")
                + (chance(20) ? ",\"subtasks\":[{\"id\":1,\"title\":" + quoted(pick(STRINGS)) + "}]" : "") + "}";
        String tasks = "[" + task + (chance(30) ? "," + task : "") + "]";
        return switch (random.nextInt(4)) {
            case 0 -> "{\"tasks\":" + tasks + "}";
            case 1 -> "{\"" + pick("master", "feature", "a\\u0000", "..", "") + "\":{\"tasks\":" + tasks
                    + (chance(30) ? ",\"metadata\":{\"d\":" + quoted(pick(STRINGS)) + "}" : "") + "}}";
            case 2 -> "{\"tasks\":" + pick(ANY_JSON) + "}";
            default -> pick(ANY_JSON);
        };
    }

    private static String quoted(String jsonStringContent) {
        return "\"" + jsonStringContent + "\"";
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }
}
