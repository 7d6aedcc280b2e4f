package io.taskservice.idempotency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The {@code idempotency_key} table. Claims, reads and answers run in the caller's session and transaction, the
 * same one as the request's effect; the purge runs on its own pooled connection.
 */
@ApplicationScoped
public class IdempotencyRepository {

    private final Pool pool;

    public IdempotencyRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims the key for this request: true when it was free or expired (an expired record is replaced here, so an
     * expired key executes again). While another transaction holds the key, this waits for it to commit or roll
     * back; then it is false when the other committed.
     */
    public Uni<Boolean> claim(IdempotencyKey key, String fingerprint, Duration ttl) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into idempotency_key (idempotency_key, request_hash) values (:key, :hash)"
                                + " on conflict (idempotency_key) do update set request_hash = excluded.request_hash,"
                                + " created_at = now(), status = null, content_type = null, location = null, etag = null, body = null"
                                + " where idempotency_key.created_at < now() - make_interval(secs => :ttl) returning 1", Integer.class)
                .setParameter("key", key.value()).setParameter("hash", fingerprint).setParameter("ttl", seconds(ttl))
                .getSingleResultOrNull()).map(claimed -> claimed != null);
    }

    /** The committed record of the key: its request fingerprint and answer; null when there is none. */
    public Uni<StoredRecord> find(IdempotencyKey key) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select request_hash, cast(status as integer), content_type, location, etag, body"
                                + " from idempotency_key where idempotency_key = :key", Object[].class)
                .setParameter("key", key.value()).getSingleResultOrNull())
                .map(row -> row == null ? null : new StoredRecord((String) row[0], row[1] == null ? null
                        : new StoredAnswer((Integer) row[1], (String) row[2], (String) row[3], (String) row[4], (String) row[5])));
    }

    /** Records the answer of the request that claimed the key. */
    public Uni<Void> answer(IdempotencyKey key, StoredAnswer answer) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update idempotency_key set status = :status, content_type = :type, location = :location,"
                                + " etag = :etag, body = :body where idempotency_key = :key")
                .setParameter("status", answer.status()).setParameter("type", answer.contentType())
                .setParameter("location", answer.location()).setParameter("etag", answer.etag())
                .setParameter("body", answer.body()).setParameter("key", key.value())
                .executeUpdate()).replaceWithVoid();
    }

    /** Gives the key back, for an answer that is not stored (not a success). */
    public Uni<Void> release(IdempotencyKey key) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from idempotency_key where idempotency_key = :key")
                .setParameter("key", key.value()).executeUpdate()).replaceWithVoid();
    }

    /** Deletes expired records, in its own statement on the pool; the number deleted. */
    public Uni<Integer> purgeExpired(Duration ttl) {
        return pool.preparedQuery("delete from idempotency_key where created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of(seconds(ttl))).map(rows -> rows.rowCount());
    }

    private static double seconds(Duration ttl) {
        return ttl.toMillis() / 1000.0;
    }

    /** A committed record: the fingerprint of the request that claimed the key, and its answer (null if none). */
    public record StoredRecord(String fingerprint, StoredAnswer answer) {
    }
}
