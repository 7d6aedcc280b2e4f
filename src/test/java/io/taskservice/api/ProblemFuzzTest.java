package io.taskservice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Generated requests over every operation of the OpenAPI document, valid and invalid, sent on a raw socket:
 * every request gets an answer, none a 5xx, and every 4xx a problem+json body whose {@code status} is the
 * response's. Reproduce a run with {@code -Dfuzz.seed=<seed>}; {@code -Dfuzz.requests} and
 * {@code -Dfuzz.seconds} bound its size (defaults 3000 requests, 70 s).
 */
@QuarkusTest
class ProblemFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern MALFORMED_PERCENT = java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private final int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    private final int managementPort = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);

    @Test
    void everyRequestGetsAnAnswerAndEveryErrorIsAProblem() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int requests = Integer.getInteger("fuzz.requests", 3000);
        Duration budget = Duration.ofSeconds(Long.getLong("fuzz.seconds", 70L));
        System.out.println("ProblemFuzzTest seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");

        ApiOperations api = new ApiOperations(JSON.readTree(
                given().port(managementPort).accept("application/json").get("/q/openapi?format=json").asString()));
        List<ApiOperations.Operation> operations = api.all();
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThanOrEqualTo(20);

        RequestGenerator generator = new RequestGenerator(seed);
        Map<String, Integer> sentPerOperation = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, String> failures = new LinkedHashMap<>(); // kind of failure -> minimal request and answer
        long deadline = System.nanoTime() + budget.toNanos();
        int sent = 0;
        for (; sent < requests && System.nanoTime() < deadline; sent++) {
            if (sent % 150 == 0) {
                fixtures();
            }
            // Round robin first, so that every operation is covered early; then at random.
            ApiOperations.Operation operation = operations.get(sent < operations.size() * 3 ? sent % operations.size()
                    : generator.randomIndex(operations.size()));
            GeneratedRequest request = generator.next(operation, api);
            Outcome outcome = send(request);
            sentPerOperation.merge(operation.key(), 1, Integer::sum);
            if (outcome.status > 0) {
                statuses.merge(outcome.status, 1, Integer::sum);
            }
            if (outcome.failure != null && !failures.containsKey(failureKey(operation, outcome))) {
                GeneratedRequest minimal = shrink(request, outcome.failure);
                String report = "request #" + sent + ", " + outcome.failure + "; minimal request:\n"
                        + minimal.raw().describe() + "  answer: " + send(minimal).summary;
                failures.put(failureKey(operation, outcome), report);
                System.out.println("ProblemFuzzTest failure (seed " + seed + "): " + report);
            }
        }
        System.out.println("ProblemFuzzTest sent " + sent + " requests" + (sent < requests ? " (the time budget ended the run)" : "")
                + "; statuses " + statuses);
        assertThat(failures).as("seed " + seed + ": failures (kind -> first request, made minimal)").isEmpty();
        assertThat(sentPerOperation.keySet()).as("operations covered")
                .containsExactlyInAnyOrderElementsOf(operations.stream().map(ApiOperations.Operation::key).collect(
                        java.util.stream.Collectors.toCollection(TreeSet::new)));
        // A few thousand on an idle machine; a loaded one (shared CI) gets fewer within the budget, never too few.
        assertThat(sent).as("requests sent within the time budget").isGreaterThanOrEqualTo(Math.min(requests, 10 * operations.size()));
        assertThat(statuses.keySet()).as("valid requests are among the generated ones").anyMatch(s -> s < 300);
    }

    /** The outcome of one request: its status (0 for none) and what is wrong with the answer, if anything. */
    private record Outcome(int status, String failure, String summary) {
    }

    private Outcome send(GeneratedRequest request) {
        RawHttp.Response response;
        try {
            response = RawHttp.send(port, request.raw());
        } catch (RawHttp.NoResponse e) {
            return new Outcome(0, "no answer: " + e.getMessage(), "none");
        }
        String summary = response.status() + " " + response.header("content-type") + " "
                + RawHttp.escape(abbreviate(response.bodyText()));
        if (response.status() >= 500) {
            return new Outcome(response.status(), "status " + response.status(), summary);
        }
        if (response.status() >= 400 && refusedByNetty(request) && response.body().length == 0
                && "close".equals(response.header("connection"))) {
            return new Outcome(response.status(), null, summary); // Vert.x's own answer: see refusedByNetty
        }
        if (response.status() >= 400) {
            String type = response.header("content-type");
            if (type == null || !type.startsWith(Problem.MEDIA_TYPE)) {
                return new Outcome(response.status(), "status " + response.status() + " without problem+json", summary);
            }
            try {
                JsonNode problem = JSON.readTree(response.body());
                if (problem == null || problem.path("status").asInt() != response.status() || !problem.path("type").isTextual()) {
                    return new Outcome(response.status(), "status " + response.status() + " with a problem of another status", summary);
                }
            } catch (java.io.IOException e) {
                return new Outcome(response.status(), "status " + response.status() + " with an unparseable problem", summary);
            }
        }
        return new Outcome(response.status(), null, summary);
    }

    /**
     * Requests Netty refuses while parsing, which Vert.x answers with a bare 400 and a close before any of our code
     * runs (docs/api.md): a percent sign not followed by two hex digits in the request target.
     */
    private static boolean refusedByNetty(GeneratedRequest request) {
        return MALFORMED_PERCENT.matcher(request.raw().target()).find();
    }

    /** Drops query parameters, headers, body fields and the body while the request still fails the same way. */
    private GeneratedRequest shrink(GeneratedRequest failing, String failure) {
        GeneratedRequest current = failing;
        for (int i = current.query().size() - 1; i >= 0; i--) {
            List<String[]> fewer = new ArrayList<>(current.query());
            fewer.remove(i);
            current = keepIfSame(current, current.withQuery(fewer), failure);
        }
        for (int i = current.headers().size() - 1; i >= 0; i--) {
            List<String[]> fewer = new ArrayList<>(current.headers());
            fewer.remove(i);
            current = keepIfSame(current, current.withHeaders(fewer), failure);
        }
        if (current.body() != null) {
            current = keepIfSame(current, current.withBody(null, null), failure);
            current = keepIfSame(current, current.withBody(current.body(), null), failure);
        }
        try {
            if (current.body() != null && JSON.readTree(current.body()) instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                for (String field : listOf(object.fieldNames())) {
                    var smaller = object.deepCopy();
                    smaller.remove(field);
                    GeneratedRequest candidate = current.withBody(JSON.writeValueAsBytes(smaller), current.contentLength());
                    GeneratedRequest kept = keepIfSame(current, candidate, failure);
                    if (kept == candidate) {
                        object = smaller;
                        current = kept;
                    }
                }
            }
        } catch (java.io.IOException e) {
            // not JSON: keep the body as it is
        }
        return current;
    }

    private GeneratedRequest keepIfSame(GeneratedRequest current, GeneratedRequest candidate, String failure) {
        Outcome outcome = send(candidate);
        return failure.equals(outcome.failure) ? candidate : current;
    }

    private static String failureKey(ApiOperations.Operation operation, Outcome outcome) {
        return operation.key() + ": " + outcome.failure;
    }

    /** Project fz with tag master, tasks 1 (with subtask 1.1) and 2 depending on 1; recreated as requests change them. */
    private void fixtures() {
        given().port(port).contentType(ContentType.JSON).body("{\"key\":\"fz\",\"name\":\"Fuzz\"}").post("/api/projects");
        given().port(port).contentType(ContentType.JSON).body("{\"name\":\"master\"}").post("/api/projects/fz/tags");
        String tasks = "/api/projects/fz/tags/master/tasks";
        given().port(port).contentType(ContentType.JSON).body("{\"id\":\"1\",\"title\":\"One\"}").post(tasks);
        given().port(port).contentType(ContentType.JSON).body("{\"id\":\"1\",\"parent\":\"1\",\"title\":\"Sub\"}").post(tasks);
        given().port(port).contentType(ContentType.JSON).body("{\"id\":\"2\",\"title\":\"Two\",\"dependencies\":[\"1\"]}").post(tasks);
    }

    private static <T> List<T> listOf(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
