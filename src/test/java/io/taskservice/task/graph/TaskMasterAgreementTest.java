package io.taskservice.task.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskservice.support.TaskMasterFiles;
import io.taskservice.support.TaskMasterFiles.Fixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares {@link NextTaskRule} and {@link DependencyGraph#problems()} with the real Task Master
 * ({@code task-master-ai@0.43.1}) on every fixture tag (the project's own, and the real files when configured) and
 * on seeded random task graphs.
 *
 * <p>Needs the CLI: system property {@code taskmaster.cli} or environment variable {@code TASKMASTER_CLI}, the path
 * of the {@code task-master} executable (e.g. {@code node_modules/.bin/task-master}); skipped without it. One CLI
 * start costs about 4 s, so the many comparisons run Task Master's own command entry ({@code runCLI}) for each tag
 * in one Node process; one test runs the executable itself to show that both give the same answer. Every run works
 * in a fresh temporary project folder with telemetry and auto-update off, so nothing leaves the machine.
 */
class TaskMasterAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GENERATED_GRAPHS = 300;

    private Path cli;

    @TempDir
    Path work;

    @BeforeEach
    void locateCli() {
        String configured = System.getProperty("taskmaster.cli", System.getenv("TASKMASTER_CLI"));
        assumeTrue(configured != null && !configured.isBlank(),
                "Task Master CLI not configured: set -Dtaskmaster.cli or TASKMASTER_CLI to the task-master executable "
                        + "of task-master-ai@0.43.1 (npm install task-master-ai@0.43.1)");
        cli = Path.of(configured);
        assertThat(cli).as("taskmaster.cli / TASKMASTER_CLI").isRegularFile();
    }

    @Test
    void agreesOnEveryProjectFixtureTag() throws Exception {
        assertThat(compareEveryTag(TaskMasterFiles.project())).isEqualTo(9);
    }

    /** The real files; skipped when they are not configured ({@link TaskMasterFiles}). */
    @Test
    void agreesOnEveryRealFileTag() throws Exception {
        assertThat(compareEveryTag(TaskMasterFiles.real())).isGreaterThanOrEqualTo(12);
    }

    /** Compares every tag of these files; returns the number of tags compared. */
    private int compareEveryTag(List<Fixture> fixtures) throws Exception {
        List<Job> jobs = new ArrayList<>();
        for (Fixture fixture : fixtures) {
            Path file = fixture.file();
            Path project = project(file.getFileName().toString(), Files.readString(file));
            for (Map.Entry<String, List<TaskNode>> tag : TaskFile.read(JSON.readTree(file.toFile())).entrySet()) {
                jobs.add(new Job(file.getFileName() + " tag " + tag.getKey(), project, tag.getKey(), tag.getValue()));
            }
        }
        compare(jobs);
        return jobs.size();
    }

    @Test
    void agreesOnGeneratedGraphs() throws Exception {
        Random random = new Random(20_250_601L);
        ObjectNode file = JSON.createObjectNode();
        for (int i = 0; i < GENERATED_GRAPHS; i++) {
            ObjectNode tag = file.putObject("g" + i);
            tag.set("tasks", GraphGenerator.tasks(random, i % 40 == 39 ? 70 + random.nextInt(80) : 1 + random.nextInt(12)));
            tag.putObject("metadata").put("description", "generated graph " + i);
        }
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file);
        Path project = project("generated", text);
        Map<String, List<TaskNode>> tags = TaskFile.read(file);
        List<Job> jobs = new ArrayList<>();
        tags.forEach((tag, tasks) -> jobs.add(new Job("generated tag " + tag + ":\n" + file.get(tag).get("tasks"), project, tag, tasks)));
        List<Result> results = compare(jobs);
        // The generated graphs must exercise every rule, not only agree.
        assertThat(results).anyMatch(r -> r.next() == null).anyMatch(r -> r.next() != null && r.next().contains("."))
                .anyMatch(r -> r.next() != null && r.next().startsWith("task-"))
                .anyMatch(r -> r.problems().stream().anyMatch(p -> p.startsWith("SELF")))
                .anyMatch(r -> r.problems().stream().anyMatch(p -> p.startsWith("MISSING")))
                .anyMatch(r -> r.problems().stream().anyMatch(p -> p.startsWith("CIRCULAR")))
                .anyMatch(Result::valid);
    }

    @Test
    void executableAnswersLikeTheInProcessRun() throws Exception {
        assertExecutableAnswersLikeTheInProcessRun(TaskMasterFiles.project("web-shop").file(), "master");
    }

    /** The same on a tag of the real files; skipped when they are not configured. */
    @Test
    void executableAnswersLikeTheInProcessRunOnARealFile() throws Exception {
        assertExecutableAnswersLikeTheInProcessRun(TaskMasterFiles.real("claude-task-master").file(), "tm-core-phase-1");
    }

    private void assertExecutableAnswersLikeTheInProcessRun(Path fixture, String tag) throws Exception {
        Path project = project("executable", Files.readString(fixture));
        CompletableFuture<String> next = CompletableFuture.supplyAsync(
                () -> run(project, List.of(cli.toString(), "next", "--format", "json", "--tag", tag)));
        CompletableFuture<String> validate = CompletableFuture.supplyAsync(
                () -> run(project, List.of(cli.toString(), "validate-dependencies", "--tag", tag)));
        String nextOutput = next.get(120, TimeUnit.SECONDS);
        String validateOutput = validate.get(120, TimeUnit.SECONDS);

        Result inProcess = inProcess(List.of(new Job("executable", project, tag, List.of()))).getFirst();
        JsonNode answer = JSON.readTree(nextOutput.substring(nextOutput.indexOf('{'), nextOutput.lastIndexOf('}') + 1));
        assertThat(answer.path("task").path("id").asText(null)).isEqualTo(inProcess.next()).isNotNull();
        assertThat(validateOutput).contains(inProcess.valid()
                ? "No invalid dependencies found" : "Found " + inProcess.problems().size() + " issue(s)");
    }

    @Test
    void agreesOnNumbersBeyondJavaScriptsPrecision() throws Exception {
        // Task Master reads a JSON number as a double: 123456789012345678901 becomes 123456789012345680000, and from
        // 1e21 on String() writes an exponent ("1.2345678901234568e+21"), which its taskExists reads as task 1.
        String text = """
                {"master": {"tasks": [
                  {"id": 1, "title": "One", "description": "d", "status": "in-progress", "priority": "high",
                   "dependencies": [123456789012345678901], "subtasks": [
                     {"id": 1, "title": "s1", "status": "pending", "dependencies": [123456789012345678901]},
                     {"id": 2, "title": "s2", "status": "pending", "dependencies": ["123456789012345678901", 99999999999999999999999]},
                     {"id": 3, "title": "s3", "status": "pending", "dependencies": [9007199254740993]}]},
                  {"id": 2, "title": "Two", "description": "d", "status": "pending", "priority": "medium",
                   "dependencies": [1234567890123456789012], "subtasks": []},
                  {"id": 3, "title": "Three", "description": "d", "status": "done", "priority": "low", "dependencies": [], "subtasks": []},
                  {"id": 4, "title": "Four", "description": "d", "status": "pending", "priority": "low",
                   "dependencies": [3, 12345678901234567890123456789], "subtasks": []},
                  {"id": 5, "title": "Five", "description": "d", "status": "pending", "priority": "low", "dependencies": [3], "subtasks": []},
                  {"id": 6, "title": "Six", "description": "d", "status": "pending", "priority": "low", "dependencies": [],
                   "subtasks": [{"id": 1, "title": "s1", "status": "pending", "dependencies": [18446744073709551617]}]}]},
                 "exponent": {"tasks": [
                  {"id": 1, "title": "One", "description": "d", "status": "in-progress", "priority": "medium",
                   "dependencies": [123456789012345678901, 99999999999999999999999],
                   "subtasks": [{"id": 1, "title": "s1", "status": "pending", "dependencies": []}]},
                  {"id": 2, "title": "Two", "description": "d", "status": "done", "priority": "medium", "dependencies": [], "subtasks": []}]},
                 "done": {"tasks": [
                  {"id": 1, "title": "One", "description": "d", "status": "done", "priority": "high", "dependencies": [], "subtasks": []},
                  {"id": 2, "title": "Two", "description": "d", "status": "pending", "priority": "high",
                   "dependencies": [1, 123456789012345678901], "subtasks": []},
                  {"id": 3, "title": "Three", "description": "d", "status": "pending", "priority": "low", "dependencies": [1], "subtasks": []}]}}
                """;
        Path project = project("large-numbers", text);
        List<Job> jobs = new ArrayList<>();
        TaskFile.read(JSON.readTree(text)).forEach((tag, tasks) -> jobs.add(new Job("large numbers, tag " + tag, project, tag, tasks)));
        // Task Master prints a dependency as its double; the service keeps the digits as written.
        List<Result> results = compare(jobs, (job, problem) -> job.tasks().stream()
                .flatMap(task -> java.util.stream.Stream.concat(java.util.stream.Stream.of(task), task.subtasks().stream()))
                .filter(node -> node.id().equals(problem.taskId()))
                .flatMap(node -> node.dependencies().stream())
                .filter(dependency -> dependency.written().equals(problem.dependencyId()))
                .map(d -> d.writtenAsNumber() ? TaskNode.JsValue.string(TaskNode.JsValue.number(d.written())) : d.written())
                .findFirst().orElse(problem.dependencyId()));
        assertThat(results.getFirst().problems()).contains("MISSING 1 123456789012345680000", "MISSING 1.3 9007199254740992")
                .noneMatch(problem -> problem.startsWith("MISSING 2 ") || problem.startsWith("MISSING 4 "));
        assertThat(results.get(1).problems()).containsExactly("MISSING 1 123456789012345680000", "CIRCULAR 1");
        assertThat(results.getLast().next()).isEqualTo("3");
    }

    private List<Result> compare(List<Job> jobs) throws Exception {
        return compare(jobs, (job, problem) -> problem.dependencyId());
    }

    /** Compares; {@code dependencyText} gives the text Task Master prints for a problem's dependency. */
    private List<Result> compare(List<Job> jobs, java.util.function.BiFunction<Job, DependencyProblem, String> dependencyText)
            throws Exception {
        List<Result> results = inProcess(jobs);
        assertThat(results).hasSameSizeAs(jobs);
        int disagreements = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            Result expected = results.get(i);
            String next = new NextTaskRule().next(job.tasks()).map(TaskNode::id).orElse(null);
            List<String> problems = new DependencyGraph(job.tasks()).problems().stream()
                    .map(p -> p.kind() + " " + p.taskId() + (p.kind() == DependencyProblem.Kind.MISSING ? " " + dependencyText.apply(job, p) : ""))
                    .toList();
            if (!java.util.Objects.equals(next, expected.next()) || !problems.equals(expected.problems())) {
                disagreements++;
                report.append("\n").append(job.name()).append("\n  next: task-master ").append(expected.next())
                        .append(", ours ").append(next).append("\n  problems: task-master ").append(expected.problems())
                        .append("\n            ours ").append(problems);
            }
        }
        assertThat(disagreements).as("disagreements with task-master:%s", report).isZero();
        return results;
    }

    /** A fresh Task Master project folder holding this tasks.json, with telemetry off. */
    private Path project(String name, String tasksJson) throws IOException {
        Path project = Files.createDirectories(work.resolve(name.replaceAll("[^A-Za-z0-9.-]", "_")));
        Files.createDirectories(project.resolve(".taskmaster/tasks"));
        Files.writeString(project.resolve(".taskmaster/config.json"), "{\"global\":{\"anonymousTelemetry\":false}}");
        Files.writeString(project.resolve(".taskmaster/tasks/tasks.json"), tasksJson);
        return project;
    }

    private List<Result> inProcess(List<Job> jobs) throws Exception {
        Path driver = work.resolve("driver.mjs");
        Files.writeString(driver, DRIVER);
        ArrayNode list = JSON.createArrayNode();
        for (Job job : jobs) {
            list.addObject().put("dir", job.project().toString()).put("tag", job.tag());
        }
        Path jobFile = work.resolve("jobs.json");
        JSON.writeValue(jobFile.toFile(), list);
        Path resultFile = work.resolve("results.json");
        Files.deleteIfExists(resultFile);
        String output = run(work, List.of("node", driver.toString(), cli.toString(), jobFile.toString(), resultFile.toString()));
        assertThat(resultFile).as("driver output:\n%s", output).exists();
        List<Result> results = new ArrayList<>();
        for (JsonNode result : JSON.readTree(resultFile.toFile())) {
            assertThat(result.has("next")).as("task-master next answered for %s: %s", result.get("tag"), result).isTrue();
            assertThat(result.get("valid").asBoolean() || !result.get("issues").isEmpty())
                    .as("task-master validate-dependencies answered for %s: %s", result.get("tag"), result).isTrue();
            List<String> problems = new ArrayList<>();
            for (JsonNode issue : result.get("issues")) {
                problems.add(issue.get("type").asText() + " " + issue.get("taskId").asText()
                        + (issue.get("type").asText().equals("MISSING") ? " " + issue.get("dependencyId").asText() : ""));
            }
            results.add(new Result(result.get("next").isNull() ? null : result.get("next").asText(),
                    result.get("valid").asBoolean(), problems));
        }
        return results;
    }

    /** Runs a command in {@code folder} with a private HOME, no colours, no auto-update, no AI keys. */
    private String run(Path folder, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(key -> key.endsWith("_API_KEY") || key.startsWith("TASKMASTER_") || key.startsWith("TM_"));
            env.put("HOME", work.toString());
            env.put("TASKMASTER_SKIP_AUTO_UPDATE", "1");
            env.put("TM_HIDE_BANNER", "true");
            env.put("NO_COLOR", "1");
            env.put("FORCE_COLOR", "0");
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Job(String name, Path project, String tag, List<TaskNode> tasks) {
    }

    private record Result(String next, boolean valid, List<String> problems) {
    }

    /** Reads a tasks.json (tagged or legacy) into task nodes per tag, keeping numbers and strings as written. */
    static final class TaskFile {

        static Map<String, List<TaskNode>> read(JsonNode file) {
            Map<String, List<TaskNode>> tags = new LinkedHashMap<>();
            if (file.has("tasks") && file.get("tasks").isArray()) {
                tags.put("master", tasks(file.get("tasks")));
                return tags;
            }
            file.properties().forEach(tag -> tags.put(tag.getKey(), tasks(tag.getValue().get("tasks"))));
            return tags;
        }

        private static List<TaskNode> tasks(JsonNode tasks) {
            List<TaskNode> nodes = new ArrayList<>();
            for (JsonNode task : tasks) {
                String id = TaskNode.Dependency.text(value(task.get("id")));
                List<TaskNode> subtasks = new ArrayList<>();
                for (JsonNode subtask : task.path("subtasks")) {
                    subtasks.add(TaskNode.subtask(id, value(subtask.get("id")), text(subtask, "title"),
                            text(subtask, "status"), text(subtask, "priority"), values(subtask.get("dependencies"))));
                }
                nodes.add(TaskNode.task(id, text(task, "title"), text(task, "status"), text(task, "priority"),
                        values(task.get("dependencies")), subtasks));
            }
            return nodes;
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        private static List<Object> values(JsonNode array) {
            List<Object> values = new ArrayList<>();
            if (array != null && array.isArray()) {
                array.forEach(value -> values.add(value(value)));
            }
            return values;
        }

        private static Object value(JsonNode value) {
            return value.isNumber() ? value.numberValue() : value.asText();
        }
    }

    /** Random task lists that stay valid for Task Master but exercise every rule: statuses, ids, dependencies. */
    static final class GraphGenerator {
        private static final String[] STATUSES = {"pending", "pending", "pending", "in-progress", "in-progress",
            "done", "done", "done", "review", "deferred", "cancelled", "blocked"};
        private static final String[] SUBTASK_STATUSES = {"pending", "pending", "in-progress", "done", "done", "done",
            "review", "cancelled", "Pending", "IN-PROGRESS", "completed", "blocked"};
        private static final String[] PRIORITIES = {"low", "medium", "medium", "high", "critical"};

        static ArrayNode tasks(Random random, int count) {
            boolean slugs = random.nextInt(4) == 0;
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                ids.add(slugs && random.nextInt(3) == 0 ? "task-" + (char) ('a' + random.nextInt(26)) + i : String.valueOf(i * (random.nextInt(5) == 0 ? 2 : 1)));
            }
            ids = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
            if (random.nextInt(4) == 0) {
                java.util.Collections.shuffle(ids, random);
            }
            int[] subtaskCounts = ids.stream().mapToInt(id -> random.nextInt(3) == 0 ? 1 + random.nextInt(4) : 0).toArray();
            ArrayNode tasks = JSON.createArrayNode();
            for (int t = 0; t < ids.size(); t++) {
                String id = ids.get(t);
                ObjectNode task = tasks.addObject();
                putId(task, "id", id, random);
                task.put("title", "Task " + id + (random.nextInt(8) == 0 ? " \"quoted\" <b>#1</b>" : ""));
                task.put("description", "Generated task " + id);
                task.put("status", STATUSES[random.nextInt(STATUSES.length)]);
                task.put("priority", PRIORITIES[random.nextInt(PRIORITIES.length)]);
                ArrayNode dependencies = task.putArray("dependencies");
                int dependencyCount = random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(3);
                for (int d = 0; d < dependencyCount; d++) {
                    int pick = random.nextInt(20);
                    int other = random.nextInt(ids.size());
                    if (pick < 12) {
                        putValue(dependencies, ids.get(other), random);
                    } else if (pick < 15 && subtaskCounts[other] > 0) {
                        dependencies.add(ids.get(other) + "." + (1 + random.nextInt(subtaskCounts[other] + 1)));
                    } else if (pick < 17) {
                        putValue(dependencies, String.valueOf(90 + random.nextInt(20)), random);
                    } else if (pick < 18) {
                        putValue(dependencies, id, random);
                    } else {
                        putValue(dependencies, ids.get(other), random);
                    }
                }
                ArrayNode subtasks = task.putArray("subtasks");
                for (int s = 1; s <= subtaskCounts[t]; s++) {
                    ObjectNode subtask = subtasks.addObject();
                    putId(subtask, "id", String.valueOf(s), random);
                    subtask.put("title", "Subtask " + s);
                    if (random.nextInt(8) != 0) {
                        subtask.put("status", SUBTASK_STATUSES[random.nextInt(SUBTASK_STATUSES.length)]);
                    }
                    if (random.nextInt(3) == 0) {
                        subtask.put("priority", random.nextInt(6) == 0 ? "urgent" : PRIORITIES[random.nextInt(PRIORITIES.length)]);
                    }
                    ArrayNode subDependencies = subtask.putArray("dependencies");
                    int subDependencyCount = random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(2);
                    for (int d = 0; d < subDependencyCount; d++) {
                        int pick = random.nextInt(20);
                        int sibling = 1 + random.nextInt(subtaskCounts[t] + 1);
                        int other = random.nextInt(ids.size());
                        if (pick < 8) {
                            subDependencies.add(sibling);
                        } else if (pick < 12) {
                            subDependencies.add(id + "." + sibling);
                        } else if (pick < 14) {
                            subDependencies.add(String.valueOf(sibling));
                        } else if (pick < 16 && subtaskCounts[other] > 0) {
                            subDependencies.add(ids.get(other) + "." + (1 + random.nextInt(subtaskCounts[other])));
                        } else if (pick < 18) {
                            putValue(subDependencies, ids.get(other), random);
                        } else if (pick < 19) {
                            subDependencies.add(s);
                        } else {
                            subDependencies.add(id + "." + s);
                        }
                    }
                }
            }
            return tasks;
        }

        /** Numeric ids as a JSON number or a numeric string, at random, as real files mix them. */
        private static void putId(ObjectNode node, String field, String id, Random random) {
            if (id.chars().allMatch(Character::isDigit) && random.nextBoolean()) {
                node.put(field, Long.parseLong(id));
            } else {
                node.put(field, id);
            }
        }

        private static void putValue(ArrayNode array, String id, Random random) {
            if (id.chars().allMatch(Character::isDigit) && random.nextBoolean()) {
                array.add(Long.parseLong(id));
            } else {
                array.add(id);
            }
        }
    }

    /**
     * Runs task-master's command entry ({@code runCLI} from its bundled commands module) for {@code next} and
     * {@code validate-dependencies} on each job, in one Node process; writes the results as JSON to a file.
     */
    private static final String DRIVER = """
            import { readFileSync, realpathSync, writeFileSync } from "node:fs";
            import { dirname, join } from "node:path";
            import { pathToFileURL } from "node:url";

            const [cli, jobsFile, resultsFile] = process.argv.slice(2);
            const main = realpathSync(cli);
            const entry = readFileSync(main, "utf8");
            const found = entry.match(/import\\(`\\.\\/(commands-[A-Za-z0-9_-]+\\.js)`\\)/);
            if (!found) { console.error("no commands module in " + main); process.exit(2); }
            const { runCLI } = await import(pathToFileURL(join(dirname(main), found[1])).href);
            const jobs = JSON.parse(readFileSync(jobsFile, "utf8"));
            const realExit = process.exit;
            const sinks = ["log", "info", "warn", "error", "debug"];
            const saved = Object.fromEntries(sinks.map((s) => [s, console[s]]));
            const write = process.stdout.write.bind(process.stdout);
            const plain = (s) => String(s).replace(/\\x1b\\[[0-9;]*m/g, "");

            async function run(dir, args) {
              const lines = [];
              sinks.forEach((s) => (console[s] = (...a) => lines.push(a.map((x) => typeof x === "string" ? x : JSON.stringify(x)).join(" "))));
              process.stdout.write = (chunk) => (lines.push(String(chunk)), true);
              process.exit = (code) => { throw Object.assign(new Error("exit " + code), { exitCode: code }); };
              try {
                process.chdir(dir);
                await runCLI(["node", "task-master", ...args]);
              } catch (e) {
                lines.push("THROWN " + (e.stack || e));
              } finally {
                sinks.forEach((s) => (console[s] = saved[s]));
                process.stdout.write = write;
                process.exit = realExit;
              }
              return lines.map(plain);
            }

            const results = [];
            for (const job of jobs) {
              const next = await run(job.dir, ["next", "--format", "json", "--tag", job.tag]);
              const answer = next.map((l) => { try { return JSON.parse(l); } catch { return null; } }).find((o) => o && "found" in o);
              const validate = (await run(job.dir, ["validate-dependencies", "--tag", job.tag])).join("\\n").split("\\n");
              const issues = [];
              for (const line of validate) {
                const m = line.match(/^\\[ERROR\\]\\s+\\[(SELF|MISSING|CIRCULAR)\\] Task (.*?): (.*?)(?: \\(Dependency: (.*)\\))?$/);
                if (m) issues.push({ type: m[1], taskId: m[2], dependencyId: m[4] ?? null });
              }
              const result = { tag: job.tag, valid: validate.some((l) => l.includes("No invalid dependencies found")), issues };
              if (answer) result.next = answer.task ? String(answer.task.id) : null;
              else result.output = next;
              results.push(result);
            }
            writeFileSync(resultsFile, JSON.stringify(results));
            realExit(0);
            """;
}
