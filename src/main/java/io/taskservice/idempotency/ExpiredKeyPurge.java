package io.taskservice.idempotency;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Deletes expired keys every {@code task-service.idempotency.purge-interval}: one indexed {@code DELETE} on a Vert.x
 * timer, no scheduler needed. An expired key someone reuses is replaced on the spot anyway; this keeps the table to
 * about one TTL of keys. With several instances each purges; the deletes are idempotent.
 */
@ApplicationScoped
public class ExpiredKeyPurge {

    private static final Logger LOG = Logger.getLogger(ExpiredKeyPurge.class);

    private final IdempotencyRepository records;
    private final IdempotencySettings settings;
    private final Vertx vertx;
    private long timer = -1;

    public ExpiredKeyPurge(IdempotencyRepository records, IdempotencySettings settings, Vertx vertx) {
        this.records = records;
        this.settings = settings;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(settings.purgeInterval().toMillis(), id -> purge());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    void purge() {
        records.purgeExpired(settings.ttl()).subscribe().with(
                deleted -> LOG.debugf("Deleted %d expired idempotency keys", deleted),
                failure -> LOG.warnf("Deleting expired idempotency keys failed: %s", failure.getClass().getSimpleName()));
    }
}
