package io.taskservice.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.taskservice.support.ApiFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskResourceTest {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    private String tasks;

    @BeforeEach
    void createTag() {
        tasks = ApiFixtures.masterTasks(ApiFixtures.projectWithMasterTag("k"));
    }

    private Response create(String body) {
        return given().contentType(ContentType.JSON).body(body).post(tasks);
    }

    private String etag(String id) {
        return given().get(tasks + "/" + id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void createsTaskWithNextNumberAndETag() {
        create("{\"title\":\"First\"}").then().statusCode(201)
                .header("Location", endsWith(tasks + "/1")).header("ETag", "\"0\"")
                .body("id", equalTo("1")).body("status", equalTo("pending")).body("parent", nullValue());
        create("{\"title\":\"Second\",\"priority\":\"high\",\"details\":\"d\",\"testStrategy\":\"t\",\"extra\":{\"complexity\":5}}")
                .then().statusCode(201).body("id", equalTo("2")).body("priority", equalTo("high"))
                .body("extra.complexity", equalTo(5));
        given().get(tasks + "/2").then().statusCode(200).header("ETag", "\"0\"")
                .body("details", equalTo("d")).body("testStrategy", equalTo("t"));
    }

    @Test
    void createsSlugTasksAndSubtasks() {
        create("{\"id\":\"rust-data-models\",\"title\":\"Slug\"}").then().statusCode(201).body("id", equalTo("rust-data-models"));
        create("{\"parent\":\"rust-data-models\",\"id\":\"define-structs\",\"title\":\"Child\"}").then().statusCode(201)
                .body("id", equalTo("rust-data-models.define-structs")).body("parent", equalTo("rust-data-models"));
        create("{\"title\":\"Numbered\"}").then().statusCode(201).body("id", equalTo("1"));
        create("{\"parent\":\"1\",\"title\":\"Sub one\"}").then().statusCode(201).body("id", equalTo("1.1"));
        create("{\"parent\":\"1\",\"title\":\"Sub two\"}").then().statusCode(201).body("id", equalTo("1.2"));
        given().get(tasks + "/1.2").then().statusCode(200).body("title", equalTo("Sub two"));
        given().get(tasks + "/rust-data-models.define-structs").then().statusCode(200).body("title", equalTo("Child"));
    }

    @Test
    void duplicateIdIsConflictAndUnknownParentIsUnprocessable() {
        create("{\"id\":\"7\",\"title\":\"A\"}").then().statusCode(201);
        create("{\"id\":\"7\",\"title\":\"B\"}").then().statusCode(409).contentType("application/problem+json");
        create("{\"parent\":\"99\",\"title\":\"Orphan\"}").then().statusCode(422).body("errors[0].field", equalTo("parent"));
    }

    @Test
    void createsWithDependenciesInOrderAndRefusesMissingOnes() {
        create("{\"title\":\"A\"}").then().statusCode(201);
        create("{\"title\":\"B\"}").then().statusCode(201);
        create("{\"parent\":\"1\",\"title\":\"A.1\"}").then().statusCode(201);
        create("{\"title\":\"C\",\"dependencies\":[\"2\",\"1.1\",\"1\"]}").then().statusCode(201)
                .body("dependencies", equalTo(List.of("2", "1.1", "1")));
        create("{\"title\":\"D\",\"dependencies\":[\"42\"]}").then().statusCode(422)
                .body("type", equalTo("/problems/dependency-missing"));
        given().get(tasks).then().body("items", hasSize(4)); // D was not created: all or nothing
    }

    @Test
    void invalidBodiesAreBadRequestsNamingTheField() {
        create("{}").then().statusCode(400).body("errors[0].field", equalTo("title"));
        create("{\"title\":\"x\",\"status\":\"started\"}").then().statusCode(400).body("errors[0].field", equalTo("status"));
        create("{\"title\":\"x\",\"priority\":\"urgent\"}").then().statusCode(400).body("errors[0].field", equalTo("priority"));
        create("{\"title\":\"" + "t".repeat(1001) + "\"}").then().statusCode(400).body("errors[0].field", equalTo("title"));
        create("{\"id\":\"has.dot\",\"title\":\"x\"}").then().statusCode(400).body("errors[0].field", equalTo("id"));
        create("[1,2]").then().statusCode(400);
    }

    @Test
    void replacesTaskWithIfMatch() {
        create("{\"title\":\"Old\",\"priority\":\"low\"}").then().statusCode(201);
        String etag = etag("1");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"title\":\"New\",\"status\":\"done\"}").put(tasks + "/1")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("title", equalTo("New")).body("status", equalTo("done")).body("priority", nullValue());
        given().contentType(ContentType.JSON).header("If-Match", etag).body("{\"title\":\"Stale\"}").put(tasks + "/1")
                .then().statusCode(412).contentType("application/problem+json").body("type", equalTo("/problems/precondition-failed"));
        given().contentType(ContentType.JSON).body("{\"title\":\"No precondition\"}").put(tasks + "/1").then().statusCode(200);
    }

    @Test
    void mergePatchChangesOnlyTheGivenFields() {
        create("{\"title\":\"T\",\"description\":\"keep\",\"priority\":\"high\",\"extra\":{\"a\":1,\"b\":2}}").then().statusCode(201);
        given().contentType("application/merge-patch+json").header("If-Match", etag("1"))
                .body("{\"status\":\"in-progress\",\"priority\":null,\"extra\":{\"b\":null,\"c\":3}}")
                .patch(tasks + "/1")
                .then().statusCode(200)
                .body("status", equalTo("in-progress")).body("priority", nullValue()).body("description", equalTo("keep"))
                .body("extra.a", equalTo(1)).body("extra.b", nullValue()).body("extra.c", equalTo(3));
    }

    @Test
    void patchRefusesReadOnlyAndInvalidFields() {
        create("{\"title\":\"T\"}").then().statusCode(201);
        given().contentType("application/merge-patch+json").body("{\"id\":\"9\"}").patch(tasks + "/1")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().contentType("application/merge-patch+json").body("{\"title\":null}").patch(tasks + "/1")
                .then().statusCode(400).body("errors[0].field", equalTo("title"));
        given().contentType("application/merge-patch+json").body("{\"status\":\"nope\"}").patch(tasks + "/1")
                .then().statusCode(400);
        given().get(tasks + "/1").then().body("title", equalTo("T")).header("ETag", "\"0\"");
    }

    @Test
    void concurrentPatchesWithTheSameIfMatchLetExactlyOneWin() throws Exception {
        create("{\"title\":\"Contested\"}").then().statusCode(201);
        String etag = etag("1");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                Callable<Integer> patch = () -> given().contentType("application/merge-patch+json").header("If-Match", etag)
                        .body("{\"title\":\"writer " + n + "\"}").patch(tasks + "/1").statusCode();
                results.add(pool.submit(patch));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        given().get(tasks + "/1").then().header("ETag", "\"1\"");
    }

    @Test
    void deletesWithIfMatchAndCascadesToSubtasks() {
        create("{\"title\":\"Parent\"}").then().statusCode(201);
        create("{\"parent\":\"1\",\"title\":\"Child\"}").then().statusCode(201);
        given().header("If-Match", "\"5\"").delete(tasks + "/1").then().statusCode(412);
        given().header("If-Match", etag("1")).delete(tasks + "/1").then().statusCode(204);
        given().get(tasks + "/1").then().statusCode(404);
        given().get(tasks + "/1.1").then().statusCode(404);
    }

    @Test
    void unknownAndMalformedIdsAreAnswered() {
        given().get(tasks + "/404").then().statusCode(404).body("detail", equalTo("No task '404'"));
        given().get(tasks + "/a.b.c").then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().get(tasks.replace("/master/", "/nope/") + "/1").then().statusCode(404).body("detail", equalTo("No tag 'nope'"));
    }

    @Test
    void listsInTaskMasterOrderWithFilters() {
        for (String id : List.of("10", "2", "slug-b", "1", "slug-a")) {
            create("{\"id\":\"" + id + "\",\"title\":\"Task " + id + "\"}").then().statusCode(201);
        }
        create("{\"parent\":\"2\",\"title\":\"Sub\",\"status\":\"done\",\"description\":\"needle here\"}").then().statusCode(201);
        given().queryParam("parent", "none").get(tasks).then().statusCode(200)
                .body("items.id", equalTo(List.of("1", "2", "10", "slug-a", "slug-b"))).body("total", equalTo(5));
        given().queryParam("parent", "2").get(tasks).then().body("items.id", equalTo(List.of("2.1")));
        given().queryParam("status", "done").get(tasks).then().body("items.id", equalTo(List.of("2.1")));
        given().queryParam("status", "done").queryParam("status", "pending").get(tasks).then().body("total", equalTo(6));
        given().queryParam("q", "NEEDLE").get(tasks).then().body("items.id", equalTo(List.of("2.1")));
        given().queryParam("q", "%").get(tasks).then().body("items", hasSize(0)); // wildcards are literal
        given().queryParam("sort", "id,desc").queryParam("parent", "none").get(tasks).then()
                .body("items.id", equalTo(List.of("slug-b", "slug-a", "10", "2", "1")));
    }

    @Test
    void sortsByPriorityRank() {
        create("{\"title\":\"l\",\"priority\":\"low\"}");
        create("{\"title\":\"c\",\"priority\":\"critical\"}");
        create("{\"title\":\"n\"}");
        create("{\"title\":\"m\",\"priority\":\"medium\"}");
        given().queryParam("sort", "priority,desc").get(tasks).then().body("items.title", equalTo(List.of("c", "m", "l", "n")));
    }

    @Test
    void pagesByOffsetWithTotalAndByCursor() {
        for (int i = 0; i < 7; i++) {
            create("{\"title\":\"t" + i + "\"}").then().statusCode(201);
        }
        given().queryParam("size", 3).queryParam("page", 2).get(tasks).then()
                .body("items.id", equalTo(List.of("7"))).body("total", equalTo(7)).body("page", equalTo(2));
        String next = given().queryParam("size", 3).get(tasks).then()
                .body("items.id", equalTo(List.of("1", "2", "3"))).extract().path("next");
        next = given().queryParam("size", 3).queryParam("after", next).get(tasks).then()
                .body("items.id", equalTo(List.of("4", "5", "6"))).body("total", nullValue()).extract().path("next");
        given().queryParam("size", 3).queryParam("after", next).get(tasks).then()
                .body("items.id", equalTo(List.of("7"))).body("next", nullValue());
    }

    @Test
    void rejectsBadListParameters() {
        given().queryParam("sort", "secret").get(tasks).then().statusCode(400).body("errors[0].field", equalTo("sort"));
        given().queryParam("sort", "title,sideways").get(tasks).then().statusCode(400);
        given().queryParam("status", "started").get(tasks).then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().queryParam("priority", "urgent").get(tasks).then().statusCode(400);
        given().queryParam("after", "not-a-cursor!").get(tasks).then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().queryParam("size", 1000).get(tasks).then().statusCode(400).body("errors[0].field", equalTo("size"));
        String titleCursor = given().queryParam("size", 1).queryParam("sort", "title").get(tasks).then().extract().path("next");
        assertThat(titleCursor).isNull(); // empty tag: no next page
    }

    @Test
    void cursorFromAnotherSortIsRefused() {
        create("{\"title\":\"a\"}");
        create("{\"title\":\"b\"}");
        String next = given().queryParam("size", 1).queryParam("sort", "title").get(tasks).then().extract().path("next");
        assertThat(next).isNotNull();
        given().queryParam("after", next).get(tasks).then().statusCode(400).body("errors[0].field", equalTo("after"));
    }

    @Test
    void injectionStringsInEveryParameterAreHarmless() {
        create("{\"title\":\"safe\"}").then().statusCode(201);
        List<String> attacks = List.of("' OR '1'='1", "1; DROP TABLE task; --", "\") or 1=1 --", "title; delete from project",
                "%' union select * from project --", "\\' OR 1=1");
        for (String attack : attacks) {
            given().queryParam("q", attack).get(tasks).then().statusCode(200).body("items", hasSize(0));
            given().queryParam("sort", attack).get(tasks).then().statusCode(400);
            given().queryParam("status", attack).get(tasks).then().statusCode(400);
            given().queryParam("priority", attack).get(tasks).then().statusCode(400);
            given().queryParam("parent", attack).get(tasks).then().statusCode(400);
            given().queryParam("after", attack).get(tasks).then().statusCode(400);
        }
        given().get(tasks).then().statusCode(200).body("items.title", equalTo(List.of("safe")));
        given().get("/api/projects").then().statusCode(200).body("total", not(nullValue()));
    }

    @Test
    void keysetPagesReturnEveryRowOnceWhileRowsAreInserted() throws Exception {
        for (int i = 0; i < 60; i++) {
            create("{\"title\":\"existing " + i + "\"}").then().statusCode(201);
        }
        List<String> existing = given().queryParam("size", 500).get(tasks).then().extract().path("items.id");
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> inserts = writer.submit(() -> {
            for (int i = 0; i < 60; i++) {
                // New rows land before and after the reader's position: low numbers and high numbers.
                String id = i % 2 == 0 ? "0" + (1000 + i) : Integer.toString(5000 + i);
                create("{\"id\":\"" + id + "\",\"title\":\"inserted " + i + "\"}").then().statusCode(201);
            }
        });
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            var page = next == null ? given().queryParam("size", 7).get(tasks) : given().queryParam("size", 7).queryParam("after", next).get(tasks);
            seen.addAll(page.then().statusCode(200).extract().path("items.id"));
            next = page.then().extract().path("next");
        } while (next != null);
        inserts.get(60, TimeUnit.SECONDS);
        writer.shutdown();
        assertThat(seen).as("no row twice").doesNotHaveDuplicates();
        assertThat(seen).as("every row that existed throughout").containsAll(existing);
    }

    /** Past quarkus.http.limits.max-body-size (10M) the server refuses from the headers alone and closes. */
    @Test
    void oversizedBodyIsRefused() throws Exception {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String headers = "POST " + tasks + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (11 * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(headers.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write("{\"title\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertThat(status).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        }
    }

    /** Pages through a whole list with a cursor of the given sort, two rows at a time. */
    private List<String> allIdsByCursor(String sort) {
        List<String> ids = new ArrayList<>();
        String next = null;
        do {
            var request = given().queryParam("size", 2).queryParam("sort", sort);
            var page = (next == null ? request : request.queryParam("after", next)).get(tasks);
            ids.addAll(page.then().statusCode(200).extract().path("items.id"));
            next = page.then().extract().path("next");
        } while (next != null);
        return ids;
    }

    @Test
    void sortsAndPagesByStatusWithTheTaskMasterSpelling() {
        create("{\"title\":\"a\",\"status\":\"pending\"}");
        create("{\"title\":\"b\",\"status\":\"in-progress\"}");
        create("{\"title\":\"c\",\"status\":\"done\"}");
        create("{\"title\":\"d\",\"status\":\"in-progress\"}");
        create("{\"title\":\"e\",\"status\":\"blocked\"}");
        List<String> expected = List.of("5", "3", "2", "4", "1"); // blocked, done, in-progress (x2, by creation), pending
        given().queryParam("sort", "status").get(tasks).then().body("items.id", equalTo(expected));
        assertThat(allIdsByCursor("status")).isEqualTo(expected);
        assertThat(allIdsByCursor("status,desc")).isEqualTo(List.of("1", "4", "2", "3", "5"));
    }

    @Test
    void pagesByCreationTimeWithACursor() {
        for (int i = 0; i < 5; i++) {
            create("{\"title\":\"t" + i + "\"}").then().statusCode(201);
        }
        assertThat(allIdsByCursor("createdAt")).isEqualTo(List.of("1", "2", "3", "4", "5"));
        assertThat(allIdsByCursor("updatedAt,desc")).isEqualTo(List.of("5", "4", "3", "2", "1"));
        assertThat(allIdsByCursor("priority")).containsExactly("1", "2", "3", "4", "5");
        assertThat(allIdsByCursor("title,desc")).containsExactly("5", "4", "3", "2", "1");
    }
}
