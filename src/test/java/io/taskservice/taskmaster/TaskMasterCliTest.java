package io.taskservice.taskmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.taskservice.support.TaskMasterFiles;
import io.taskservice.support.TaskMasterFiles.Fixture;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real Task Master CLI ({@code task-master-ai@0.43.1}) reads every exported fixture: {@code list} sees every
 * tag with all its tasks and subtasks, and {@code next} answers for every tag. Runs only when the system property
 * {@code taskmaster.cli} or the variable {@code TASKMASTER_CLI} names the {@code task-master} executable.
 */
class TaskMasterCliTest {

    private static final long TIMEOUT_SECONDS = 120;

    /** The task-master executable; each test is skipped (not silently absent) when it is not configured. */
    private static String cli() {
        String configured = System.getProperty("taskmaster.cli", System.getenv("TASKMASTER_CLI"));
        assumeTrue(configured != null && !configured.isBlank(),
                "set -Dtaskmaster.cli or TASKMASTER_CLI to the task-master executable to run this test");
        return configured;
    }

    /** The project's fixtures, then the real files (or one skipped case when they are not configured). */
    static List<Fixture> fixtures() {
        return TaskMasterFiles.all();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void taskMasterReadsTheExportedFile(Fixture fixture, @TempDir Path project) throws Exception {
        String cli = cli();
        TaskFile file = new TaskFileReader().read(TaskMasterFixtures.bytes(fixture));
        Path tasksJson = project.resolve(".taskmaster/tasks/tasks.json");
        Files.createDirectories(tasksJson.getParent());
        Files.write(tasksJson, new TaskFileWriter().write(file));

        Result list = run(project, cli, "list", "--json", "--all-tags", "--with-subtasks");
        assertThat(list.exitCode()).as("exit code of list; stderr: %s", list.stderr()).isZero();
        assertThat(list.stderr()).doesNotContainIgnoringCase("error").doesNotContain("Invalid JSON", "Failed");
        JsonNode listed = firstJsonValue(list.stdout());
        assertThat(listed.path("metadata").path("total").asInt())
                .isEqualTo(file.tags().stream().mapToInt(tag -> tag.tasks().size()).sum());
        Map<String, Integer> tasksByTag = new HashMap<>();
        Map<String, Integer> subtasksByTag = new HashMap<>();
        for (JsonNode task : listed.get("tasks")) {
            tasksByTag.merge(task.get("tagName").asText(), 1, Integer::sum);
            subtasksByTag.merge(task.get("tagName").asText(), task.path("subtasks").size(), Integer::sum);
        }
        for (TaskList tag : file.tags()) {
            assertThat(tasksByTag.getOrDefault(tag.name(), 0)).as("tasks of %s", tag.name()).isEqualTo(tag.tasks().size());
            assertThat(subtasksByTag.getOrDefault(tag.name(), 0)).as("subtasks of %s", tag.name())
                    .isEqualTo(tag.tasks().stream().mapToInt(t -> t.subtasks() == null ? 0 : t.subtasks().size()).sum());
        }

        for (TaskList tag : file.tags()) {
            Result next = run(project, cli, "next", "--format", "json", "--tag", tag.name());
            assertThat(next.exitCode()).as("exit code of next --tag %s; stderr: %s", tag.name(), next.stderr()).isZero();
            JsonNode answer = firstJsonValue(next.stdout());
            assertThat(answer.path("tag").asText()).isEqualTo(tag.name());
            assertThat(answer.path("hasAnyTasks").asBoolean()).as("hasAnyTasks of %s", tag.name())
                    .isEqualTo(!tag.tasks().isEmpty());
        }
    }

    /**
     * The export is byte for byte what Task Master's own writer ({@code JSON.stringify(data, null, 2)}) makes of it,
     * but for the text of numbers: the export keeps a number as written ({@code 12.50}, {@code 4.0}), where
     * JavaScript writes its shortest form ({@code 12.5}, {@code 4}).
     */
    @ParameterizedTest
    @MethodSource("fixtures")
    void exportIsWhatJsonStringifyWrites(Fixture fixture, @TempDir Path directory) throws Exception {
        cli(); // node comes with the CLI; without it this test is skipped too
        Result version = run(directory, "node", "--version");
        assumeTrue(version.exitCode() == 0, "node is not on the PATH");
        Path exported = directory.resolve("tasks.json");
        Files.write(exported, new TaskFileWriter().write(new TaskFileReader().read(TaskMasterFixtures.bytes(fixture))));

        Result stringified = run(directory, "node", "-e",
                "const fs = require('fs'); process.stdout.write(JSON.stringify(JSON.parse("
                        + "fs.readFileSync(process.argv[1], 'utf8')), null, 2))", exported.toString());
        assertThat(stringified.exitCode()).as(stringified.stderr()).isZero();
        assertThat(stringified.stdout()).isEqualTo(withJavaScriptNumbers(Files.readString(exported)));
    }

    /** The JSON text with every number written as JavaScript's {@code String(number)} writes it. */
    static String withJavaScriptNumbers(String json) throws IOException {
        StringBuilder out = new StringBuilder();
        int copied = 0;
        try (JsonParser parser = TaskMasterFixtures.JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    out.append(json, copied, start).append(javaScriptText(parser.getText()));
                    copied = start + parser.getText().length();
                }
            }
        }
        return out.append(json, copied, json.length()).toString();
    }

    /** Shortest round-trip digits (as Java's {@code Double.toString}), without an exponent in JavaScript's range. */
    private static String javaScriptText(String number) {
        double value = Double.parseDouble(number);
        if (value == 0) {
            return "0";
        }
        assertThat(Math.abs(value)).as("%s: JavaScript would write an exponent, not modelled here", number)
                .isBetween(1e-6, 1e21).isLessThan(1e21);
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static JsonNode firstJsonValue(String output) throws IOException {
        // Task Master may print a notice box after the JSON; read the first value only.
        try (JsonParser parser = TaskMasterFixtures.JSON.createParser(output)) {
            JsonNode value = TaskMasterFixtures.JSON.readTree(parser);
            assertThat(value).as("JSON on stdout: %s", output.length() > 300 ? output.substring(0, 300) : output)
                    .isNotNull();
            return value;
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(Path directory, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(directory, "stdout", ".txt");
        Path err = Files.createTempFile(directory, "stderr", ".txt");
        List<String> arguments = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(arguments).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
