package io.taskservice.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL container whose password is the {@link Canary} and whose host port never changes, so that it
 * can be stopped and started (or paused) under a running service, which then has to find it again.
 *
 * <p>Image: system property or environment variable {@code POSTGRES_IMAGE}, default {@code postgres:17}.
 */
final class TestDatabase implements AutoCloseable {

    static final String NAME = "tasks";
    private static final int POSTGRES_PORT = 5432;

    private final PostgreSQLContainer container;
    private final int hostPort;

    private TestDatabase(PostgreSQLContainer container, int hostPort) {
        this.container = container;
        this.hostPort = hostPort;
    }

    static TestDatabase start() {
        String image = Optional.ofNullable(System.getProperty("POSTGRES_IMAGE"))
                .or(() -> Optional.ofNullable(System.getenv("POSTGRES_IMAGE")))
                .orElse("postgres:17");
        int hostPort = PackagedService.freePort();
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName(NAME)
                .withUsername(Canary.USER)
                .withPassword(Canary.PASSWORD)
                // A fixed host port survives a stop and start of the container; a random one would change.
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                        new PortBinding(Ports.Binding.bindPort(hostPort), new ExposedPort(POSTGRES_PORT))));
        container.start();
        return new TestDatabase(container, hostPort);
    }

    /** {@code DATABASE_URL} for this database with the given password, without TLS. */
    String url(String password) {
        return "postgresql://" + Canary.USER + ":" + password + "@" + container.getHost() + ":" + hostPort + "/" + NAME
                + "?sslmode=disable";
    }

    /** The environment of a service that uses this database with its real password. */
    Map<String, String> environment() {
        return Map.of("DATABASE_URL", url(Canary.PASSWORD));
    }

    /** A JDBC connection of the test's own, next to the service's. */
    Connection connect() throws SQLException {
        String url = "jdbc:postgresql://" + container.getHost() + ":" + hostPort + "/" + NAME
                + "?sslmode=disable&connectTimeout=3";
        return DriverManager.getConnection(url, Canary.USER, Canary.PASSWORD);
    }

    /** Stops PostgreSQL (SIGTERM, then SIGKILL after 2 s): connections are closed, new ones refused. */
    void stop() {
        docker().stopContainerCmd(container.getContainerId()).withTimeout(2).exec();
    }

    /** Starts the stopped container again and waits until PostgreSQL accepts connections. */
    void restart() {
        docker().startContainerCmd(container.getContainerId()).exec();
        Eventually.until("PostgreSQL accepting connections again", Duration.ofSeconds(30), () -> {
            try (Connection connection = connect()) {
                return connection.isValid(2);
            }
        });
    }

    /** Freezes PostgreSQL: connections stay open but nothing answers, as with a hung server or a lost network. */
    void pause() {
        docker().pauseContainerCmd(container.getContainerId()).exec();
    }

    void unpause() {
        docker().unpauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void close() {
        container.stop();
    }

    private DockerClient docker() {
        return container.getDockerClient();
    }
}
