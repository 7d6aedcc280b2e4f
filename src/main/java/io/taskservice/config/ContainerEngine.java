package io.taskservice.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Whether Dev Services can reach a container engine, judged by the places Testcontainers (which Dev Services
 * uses) looks for one: {@code DOCKER_HOST}, {@code docker.host} in {@code ~/.testcontainers.properties}, and
 * Docker's sockets. A Podman socket alone does not count: Testcontainers only finds Podman through
 * {@code DOCKER_HOST}. A cheap check, made before choosing between Dev Services and the embedded database.
 */
final class ContainerEngine {

    private ContainerEngine() {
    }

    static boolean isAvailable() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return true;
        }
        String home = System.getProperty("user.home");
        if (testcontainersDockerHost(Path.of(home, ".testcontainers.properties"))) {
            return true;
        }
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        return Stream.of(
                        "/var/run/docker.sock",
                        runtimeDir == null ? null : runtimeDir + "/docker.sock",
                        home + "/.docker/run/docker.sock",
                        home + "/.docker/desktop/docker.sock")
                .filter(path -> path != null)
                .anyMatch(path -> Files.exists(Path.of(path)));
    }

    private static boolean testcontainersDockerHost(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException unreadable) {
            return false;
        }
        return properties.getProperty("docker.host") != null;
    }
}
