package io.taskservice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged services on one database, as two replicas of a Deployment: writes that must be serialised (numbering
 * tasks created without an id) hold on every instance, because the locks are the database's.
 */
class TwoInstancesIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern ID = Pattern.compile("\"id\":\"(\\d+)\"");

    private static TestDatabase database;
    private static PackagedService first;
    private static PackagedService second;

    @BeforeAll
    static void start() {
        database = TestDatabase.start();
        first = PackagedService.start("TwoInstancesIT-a", database.environment());
        first.awaitReady(START_TIMEOUT);
        second = PackagedService.start("TwoInstancesIT-b", database.environment());
        second.awaitReady(START_TIMEOUT);
    }

    @AfterAll
    static void stop() {
        PackagedService.stopAll(database, first, second);
    }

    @Test
    void sixteenClientsOnTwoInstancesCreateWithoutIdAndAllSucceed() throws Exception {
        assertThat(first.postApi("/api/projects", "{\"key\":\"two\",\"name\":\"Two\"}").statusCode()).isEqualTo(201);
        assertThat(second.postApi("/api/projects/two/tags", "{\"name\":\"master\"}").statusCode()).isEqualTo(201);
        // Warm-up on another tag: a cold JVM parses each query once, which is not what this test measures.
        assertThat(first.postApi("/api/projects/two/tags", "{\"name\":\"warm-up\"}").statusCode()).isEqualTo(201);
        for (PackagedService instance : new PackagedService[] {first, second}) {
            for (int i = 0; i < 3; i++) {
                assertThat(instance.postApi("/api/projects/two/tags/warm-up/tasks", "{\"title\":\"Warm\"}").statusCode())
                        .isEqualTo(201);
            }
        }
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<HttpResponse<String>>>> futures = new ArrayList<>();
            for (int client = 0; client < 16; client++) {
                PackagedService instance = client % 2 == 0 ? first : second;
                futures.add(clients.submit(() -> {
                    List<HttpResponse<String>> answers = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        answers.add(instance.postApi("/api/projects/two/tags/master/tasks", "{\"title\":\"Created\"}"));
                    }
                    return answers;
                }));
            }
            List<Integer> ids = new ArrayList<>();
            for (Future<List<HttpResponse<String>>> future : futures) {
                for (HttpResponse<String> answer : future.get(120, TimeUnit.SECONDS)) {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                    Matcher id = ID.matcher(answer.body());
                    assertThat(id.find()).as(answer.body()).isTrue();
                    ids.add(Integer.valueOf(id.group(1)));
                }
            }
            assertThat(ids).hasSize(160).doesNotHaveDuplicates().allMatch(id -> id >= 1 && id <= 160);
        } finally {
            clients.shutdownNow();
        }
    }
}
