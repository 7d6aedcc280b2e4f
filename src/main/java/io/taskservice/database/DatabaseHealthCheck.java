package io.taskservice.database;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: one {@code SELECT 1} through the application's own pool, bounded by a timeout.
 *
 * <p>Written here rather than using the extension's datasource check so that the timeout is ours to set,
 * the probe goes through the very pool requests use, and the payload names only the kind of failure:
 * no driver message (which may quote a host or user) ever reaches the probe's answer.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements AsyncHealthCheck {

    static final String NAME = "database";

    private final Pool pool;
    private final Duration timeout;

    public DatabaseHealthCheck(Pool pool, @ConfigProperty(name = "task-service.health.database-timeout") Duration timeout) {
        this.pool = pool;
        this.timeout = timeout;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(timeout).fail()
                .map(rows -> HealthCheckResponse.named(NAME).up().build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", reason(failure))
                        .build());
    }

    private String reason(Throwable failure) {
        if (failure instanceof io.smallrye.mutiny.TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        return DatabaseFailure.of(failure)
                .map(kind -> switch (kind) {
                    case UNAVAILABLE -> "database unreachable";
                    case AUTHENTICATION_FAILED -> "authentication failed";
                    default -> "query failed";
                })
                .orElse("query failed");
    }
}
