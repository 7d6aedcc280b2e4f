package io.taskservice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per class of bad input the generated requests of {@link ProblemFuzzTest} found: each is answered,
 * below 500, with a problem+json body naming what is wrong. Sent on a raw socket, as a client could send it.
 */
@QuarkusTest
class BadInputProblemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TASKS = "/api/projects/bad/tags/master/tasks";

    private final int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);

    @BeforeEach
    void fixtures() {
        given().contentType(ContentType.JSON).body("{\"key\":\"bad\",\"name\":\"Bad input\"}").post("/api/projects");
        given().contentType(ContentType.JSON).body("{\"name\":\"master\"}").post("/api/projects/bad/tags");
        given().contentType(ContentType.JSON).body("{\"id\":\"1\",\"title\":\"One\"}").post(TASKS);
    }

    private RawHttp.Response send(String method, String target, String contentType, String body, String... headers) throws Exception {
        List<String[]> all = RawHttp.headers(headers);
        all.add(0, new String[] {"Host", "localhost"});
        if (contentType != null) {
            all.add(new String[] {"Content-Type", contentType});
        }
        return RawHttp.send(port, new RawHttp.Request(method, target, all,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), null));
    }

    /** Asserts a problem+json answer with this status and returns it. */
    private static JsonNode problem(RawHttp.Response response, int status) throws Exception {
        assertThat(response.status()).as(response.bodyText()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith(Problem.MEDIA_TYPE);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }

    private static String field(JsonNode problem) {
        return problem.path("errors").path(0).path("field").asText();
    }

    @Test
    void pageWhoseOffsetOverflowsIs400NamingPage() throws Exception {
        JsonNode problem = problem(send("GET", "/api/projects?page=2147483647&size=500", null, null), 400);
        assertThat(field(problem)).isEqualTo("page");
        assertThat(field(problem(send("GET", TASKS + "?page=4294967&size=500", null, null), 400))).isEqualTo("page");
    }

    @Test
    void pagingValueThatIsNoNumberIs400NotA404() throws Exception {
        assertThat(field(problem(send("GET", "/api/projects?page=abc", null, null), 400))).isEqualTo("page");
        assertThat(field(problem(send("GET", TASKS + "?size=99999999999", null, null), 400))).isEqualTo("size");
        assertThat(field(problem(send("GET", TASKS + "?size=1e3", null, null), 400))).isEqualTo("size");
    }

    @Test
    void nulInABodyFieldIs400NamingTheField() throws Exception {
        assertThat(field(problem(send("POST", "/api/projects", "application/json",
                "{\"key\":\"nul\",\"name\":\"a\\u0000b\"}"), 400))).isEqualTo("name");
        assertThat(field(problem(send("POST", TASKS, "application/json",
                "{\"title\":\"t\",\"extra\":{\"notes\":[\"\\u0000\"]}}"), 400))).isEqualTo("extra.notes[0]");
        assertThat(field(problem(send("POST", TASKS, "application/json",
                "{\"title\":\"t\",\"extra\":{\"k\\u0000\":1}}"), 400))).isEqualTo("extra.k\\u0000");
        assertThat(field(problem(send("PATCH", TASKS + "/1", "application/merge-patch+json",
                "{\"details\":\"\\u0000\"}"), 400))).isEqualTo("details");
        assertThat(field(problem(send("POST", TASKS + "/1/dependencies", "application/json",
                "{\"dependsOn\":\"\\u0000\"}"), 400))).isEqualTo("dependsOn");
    }

    @Test
    void nulInAQueryOrPathParameterIs400NamingIt() throws Exception {
        assertThat(field(problem(send("GET", TASKS + "?q=a%00b", null, null), 400))).isEqualTo("q");
        assertThat(field(problem(send("GET", "/api/projects/a%00b", null, null), 400))).isEqualTo("project");
        assertThat(field(problem(send("GET", "/api/projects/bad/tags/m%00/tasks", null, null), 400))).isEqualTo("tag");
        assertThat(field(problem(send("DELETE", TASKS + "/1/dependencies/%00", null, null), 400))).isEqualTo("dependsOn");
    }

    @Test
    void nulInAnImportedFileIs422NamingTagTaskAndField() throws Exception {
        JsonNode problem = problem(send("POST", "/api/projects/bad-import/import", "application/json",
                "{\"master\":{\"tasks\":[{\"id\":1,\"title\":\"t\",\"details\":\"\\u0000\"}]}}"), 422);
        assertThat(field(problem)).isEqualTo("master/1/details");
    }

    @Test
    void missingHostIs400Problem() throws Exception {
        problem(RawHttp.send(port, new RawHttp.Request("GET", "/api/projects", List.of(), null, null)), 400);
    }

    @Test
    void tooLongRequestTargetIs414Problem() throws Exception {
        problem(send("GET", "/api/projects/" + "a".repeat(HttpLayerProblems.MAX_URI_LENGTH), null, null), 414);
        problem(send("GET", "/api/projects?q=" + "a".repeat(HttpLayerProblems.MAX_URI_LENGTH), null, null), 414);
    }

    @Test
    void tooLargeHeadersAre431Problem() throws Exception {
        problem(send("GET", "/api/projects", null, null, "X-Padding", "p".repeat(HttpLayerProblems.MAX_HEADER_BYTES)), 431);
    }

    @Test
    void declaredBodyOverTheLimitIs413Problem() throws Exception {
        List<String[]> headers = RawHttp.headers("Host", "localhost", "Content-Type", "application/json");
        problem(RawHttp.send(port, new RawHttp.Request("POST", "/api/projects", headers, "{}".getBytes(), 20_000_000L)), 413);
    }

    @Test
    void oddContentTypeIs415AndOddAcceptIs406Problem() throws Exception {
        problem(send("POST", "/api/projects", ";;;", "{}"), 415);
        problem(send("POST", "/api/projects", "text/plain", "{}"), 415);
        problem(send("GET", "/api/projects", null, null, "Accept", "a/b; q=x"), 406);
        problem(send("GET", "/api/projects/bad/tags/master/graph", null, null, "Accept", "application/json"), 406);
    }

    @Test
    void bodyOfTheWrongJsonTypeIs400Problem() throws Exception {
        for (String body : new String[] {"[1]", "\"x\"", "1", "null", "{\"key\":{},\"name\":\"n\"}", "[".repeat(1200)}) {
            problem(send("POST", "/api/projects", "application/json", body), 400);
        }
        problem(send("PATCH", TASKS + "/1", "application/merge-patch+json", "[1]"), 400);
    }

    /**
     * What Netty cannot parse, or refuses beyond its own limits, Vert.x answers before any of our code runs, with a
     * bare status and a closed connection (docs/api.md): an answer all the same, never a silent close.
     */
    @Test
    void requestNettyRefusesGetsABareAnswerNotASilentClose() throws Exception {
        assertThat(send("GET", "/api/projects/" + "a".repeat(70_000), null, null).status()).isEqualTo(414);
        assertThat(send("GET", "/api/projects", null, null, "X-Padding", "p".repeat(70_000)).status()).isEqualTo(431);
        assertThat(RawHttp.send(port, new RawHttp.Request("GET", "/a b", List.of(), null, null)).status()).isEqualTo(400);
        for (String target : new String[] {"/api/projects/%zz", "/api/projects/%", "/api/projects?page=%zz"}) {
            RawHttp.Response response = send("GET", target, null, null);
            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.header("connection")).isEqualTo("close");
        }
        assertThat(send("GET", "/api/projects", null, null, "If-Match", "\"1\0\"").status()).isEqualTo(400);
    }
}
