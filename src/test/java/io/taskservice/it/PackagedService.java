package io.taskservice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as a child process in the prod
 * profile, with an environment of the test's choosing and nothing inherited from the caller's.
 *
 * <p>Standard output and error go, merged, to a file under {@code target/it-logs/}: kept for reading after a
 * failure, and read back by the tests that look for leaks.
 */
final class PackagedService implements AutoCloseable {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** Longer than the prod shutdown delay (5 s) plus a drain. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final Process process;
    private final Path log;
    private final long startedNanos;
    private final int apiPort;
    private final int managementPort;

    private PackagedService(Process process, Path log, long startedNanos, int apiPort, int managementPort) {
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
        this.apiPort = apiPort;
        this.managementPort = managementPort;
    }

    /**
     * Starts the jar with exactly {@code environment} plus two free ports. It runs in an empty directory of its
     * own, so that no {@code .env} or {@code config/application.properties} of the build can reach it.
     */
    static PackagedService start(String name, Map<String, String> environment) {
        return start(name, environment, null);
    }

    /** As {@link #start(String, Map)}, with {@code dotEnv} (if not null) as the {@code .env} file of its directory. */
    static PackagedService start(String name, Map<String, String> environment, String dotEnv) {
        assertThat(JAR).as("the packaged service (run ./mvnw verify, which packages before the ITs)").isRegularFile();
        try {
            Path workDir = Files.createDirectories(Path.of("target", "it-work", name));
            Path dotEnvFile = workDir.resolve(".env");
            if (dotEnv == null) {
                Files.deleteIfExists(dotEnvFile);
            } else {
                Files.writeString(dotEnvFile, dotEnv);
            }
            Path log = Files.createDirectories(Path.of("target", "it-logs")).resolve(name + ".log");
            int apiPort = freePort();
            int managementPort = freePort();
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", JAR.toAbsolutePath().toString())
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.clear();
            env.putAll(environment);
            env.put("QUARKUS_HTTP_PORT", Integer.toString(apiPort));
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            long startedNanos = System.nanoTime();
            return new PackagedService(builder.start(), log, startedNanos, apiPort, managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for {@code /q/health/ready} to answer 200 and returns the time since the process started. */
    Duration awaitReady(Duration timeout) {
        Eventually.until("readiness UP (log: " + log + ")", timeout, () -> {
            if (!process.isAlive()) {
                fail("The service exited with %d before becoming ready:%n%s", process.exitValue(), output());
            }
            return getManagement("/q/health/ready").statusCode() == 200;
        });
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Waits for the process to end and returns its exit code; fails when it outlives {@code timeout}. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("The service still runs after %d ms:%n%s", timeout.toMillis(), output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    /** Time since the process was started. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as Kubernetes sends it ({@link Process#destroy()} on Unix). */
    void terminate() {
        process.destroy();
    }

    /** Everything the process printed so far, standard output and error merged. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> outputLines() {
        return output().lines().toList();
    }

    Path log() {
        return log;
    }

    HttpResponse<String> getApi(String path) {
        return send(HttpRequest.newBuilder(api(path)).GET());
    }

    HttpResponse<String> getManagement(String path) {
        return send(HttpRequest.newBuilder(management(path)).GET());
    }

    HttpResponse<String> postApi(String path, String json) {
        return send(post(path, json));
    }

    CompletableFuture<HttpResponse<String>> postApiAsync(String path, String json) {
        return HTTP.sendAsync(post(path, json).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    URI api(String path) {
        return URI.create("http://localhost:" + apiPort + path);
    }

    URI management(String path) {
        return URI.create("http://localhost:" + managementPort + path);
    }

    /** SIGTERM, then SIGKILL if the process outlives the shutdown delay and drain. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Stops the services that were started (nulls are skipped), then the database, even when a stop fails. */
    static void stopAll(TestDatabase database, PackagedService... services) {
        try {
            for (PackagedService service : services) {
                if (service != null) {
                    service.close();
                }
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(api(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (!process.isAlive()) {
                // An Error, not an Exception: Eventually must not keep polling a dead service.
                throw new AssertionError("The service exited with " + process.exitValue() + " (log: " + log + ")", e);
            }
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A port nobody listens on right now; the tiny race with other processes is acceptable for tests. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
