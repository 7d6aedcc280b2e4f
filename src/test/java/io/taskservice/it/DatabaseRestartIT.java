package io.taskservice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Eight writers keep creating projects while PostgreSQL is stopped and started under the packaged service
 * (issue 6, defects 10 and 14): every request gets an answer, none of them a {@code 500}; every write the
 * service acknowledged is in the database afterwards; the shed requests are counted in a metric, not logged
 * one WARN each; and the whole output stays one JSON object per line.
 */
class DatabaseRestartIT {

    private static final int WRITERS = 8;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern SHED = Pattern.compile("^task_service_requests_shed_total\\{[^}]*} ([0-9.E]+)$", Pattern.MULTILINE);

    private static TestDatabase database;
    private static PackagedService service;

    @BeforeAll
    static void startService() {
        database = TestDatabase.start();
        service = PackagedService.start("DatabaseRestartIT", database.environment());
        service.awaitReady(START_TIMEOUT);
    }

    @AfterAll
    static void stopService() {
        PackagedService.stopAll(database, service);
    }

    @Test
    void concurrentWritersAcrossDatabaseRestartGetNo500AndLoseNoAcknowledgedWrite() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new java.util.ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                for (int n = 0; writing.get(); n++) {
                    String key = "w" + writer + "-" + n;
                    try {
                        HttpResponse<String> response = service.postApi("/api/projects",
                                "{\"key\":\"" + key + "\",\"name\":\"restart\"}");
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 201) {
                            acknowledged.add(key);
                        } else if (response.statusCode() == 503) {
                            assertThat(response.headers().firstValue("Retry-After")).isPresent();
                            Thread.sleep(20); // a polite client backs off a little
                        } else {
                            unexpected.add(response.statusCode() + " " + response.body());
                        }
                    } catch (UncheckedIOException e) {
                        unexpected.add("no answer: " + e.getCause());
                    }
                }
                return null;
            }));
        }
        try {
            Thread.sleep(2_000);
            database.stop();
            Thread.sleep(3_000);
            database.restart();
            Eventually.until("writes acknowledged again", RECOVERY_TIMEOUT, () -> {
                int before = acknowledged.size();
                Thread.sleep(500);
                return acknowledged.size() > before;
            });
            Thread.sleep(2_000);
        } finally {
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writers.shutdownNow();
        }
        System.out.println("MEASURE restart-writes statuses=" + statuses + " acknowledged=" + acknowledged.size());

        assertThat(unexpected).as("answers other than 201 and 503").isEmpty();
        int shed = statuses.getOrDefault(503, new AtomicInteger()).get();
        assertThat(shed).as("requests answered 503 while the database was down").isPositive();
        assertThat(storedKeys()).as("acknowledged writes in the database").containsAll(acknowledged);

        assertThat(shedMetric()).as("task_service_requests_shed_total").isEqualTo(shed);
        ServiceLog log = ServiceLog.of(service); // fails on the first line that is not JSON
        List<JsonNode> warnings = log.at("WARN");
        assertThat(warnings.size()).as("WARN lines for %d shed requests: %s", shed,
                warnings.stream().map(ServiceLog::message).toList()).isLessThanOrEqualTo(5);
        assertThat(log.at("ERROR")).as("ERROR lines").extracting(ServiceLog::message).isEmpty();
        Canary.assertAbsent("output", service.output());
    }

    private static Set<String> storedKeys() throws Exception {
        Set<String> keys = new HashSet<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT project_key FROM project")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }

    private static long shedMetric() {
        String metrics = service.getManagement("/q/metrics").body();
        Matcher matcher = SHED.matcher(metrics);
        double total = 0;
        boolean found = false;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
            found = true;
        }
        assertThat(found).as("task_service_requests_shed_total in /q/metrics").isTrue();
        return Math.round(total);
    }
}
