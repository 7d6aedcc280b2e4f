package io.taskservice.taskmaster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Export reads one snapshot: an import that replaces tags at the same time is in the file wholly or not at all. */
@QuarkusTest
class ExportSnapshotTest {

    /** Two tags of {@code size} tasks each, every title naming the generation. */
    private static String file(int generation, int size) {
        StringBuilder json = new StringBuilder("{");
        for (String tag : List.of("alpha", "beta")) {
            json.append(tag.equals("alpha") ? "" : ",").append('"').append(tag).append("\": {\"tasks\": [");
            for (int i = 1; i <= size; i++) {
                json.append(i == 1 ? "" : ",").append("{\"id\": ").append(i).append(", \"title\": \"gen ").append(generation)
                        .append("\", \"status\": \"pending\", \"dependencies\": []}");
            }
            json.append("]}");
        }
        return json.append('}').toString();
    }

    @Test
    void exportDuringReplacingImportsSeesOneGenerationOnly() throws Exception {
        String project = "snap-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(file(0, 200)).post("/api/projects/" + project + "/import").then().statusCode(201);
        AtomicBoolean importing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Integer> imports = pool.submit(() -> {
                int generation = 1;
                for (; generation <= 30; generation++) {
                    given().contentType(ContentType.JSON).body(file(generation, 200))
                            .post("/api/projects/" + project + "/import?replace=true").then().statusCode(201);
                }
                importing.set(false);
                return generation;
            });
            List<Future<List<String>>> exporters = new ArrayList<>();
            for (int e = 0; e < 2; e++) {
                exporters.add(pool.submit(() -> {
                    List<String> torn = new ArrayList<>();
                    int exports = 0;
                    while (importing.get() || exports == 0) {
                        JsonPath export = given().get("/api/projects/" + project + "/export").then().statusCode(200)
                                .extract().jsonPath();
                        exports++;
                        List<String> titles = new ArrayList<>(export.getList("alpha.tasks.title", String.class));
                        titles.addAll(export.getList("beta.tasks.title", String.class));
                        if (titles.size() != 400 || titles.stream().distinct().count() != 1) {
                            torn.add(titles.size() + " tasks, generations " + titles.stream().distinct().toList());
                        }
                    }
                    return torn;
                }));
            }
            imports.get(120, TimeUnit.SECONDS);
            for (Future<List<String>> exporter : exporters) {
                assertThat(exporter.get(120, TimeUnit.SECONDS)).as("torn exports").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
