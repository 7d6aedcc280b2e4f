package io.taskservice.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether a Docker-compatible engine looks reachable, by the same clues Testcontainers follows first:
 * {@code DOCKER_HOST}, or a Docker or Podman socket in its usual places. A cheap check, made before
 * deciding between Dev Services and the embedded database.
 */
final class ContainerEngine {

    private ContainerEngine() {
    }

    static boolean isAvailable() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return true;
        }
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        String home = System.getProperty("user.home");
        return Stream.of(
                        "/var/run/docker.sock",
                        "/run/podman/podman.sock",
                        runtimeDir == null ? null : runtimeDir + "/docker.sock",
                        runtimeDir == null ? null : runtimeDir + "/podman/podman.sock",
                        home + "/.docker/run/docker.sock")
                .filter(path -> path != null)
                .anyMatch(path -> Files.exists(Path.of(path)));
    }
}
