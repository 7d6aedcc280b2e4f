package io.taskservice.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.taskservice.error.ConflictException;
import io.taskservice.error.FieldError;
import io.taskservice.error.UnprocessableException;
import io.taskservice.database.BoundedDatabaseWork;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Makes a POST safe to retry: with an {@code Idempotency-Key}, the first successful answer is replayed for the
 * key's lifetime instead of a second effect.
 *
 * <p>The key is claimed, the work done and its answer recorded in ONE transaction: the services' own
 * {@code @WithTransaction} joins the transaction opened here on the same Vert.x context. So when a COMMIT times out
 * or the client vanishes, either the effect and the key committed together (a retry replays) or neither did (a
 * retry executes). A concurrent request with the same key waits on the key's row until the first commits, then
 * replays its answer. A failed request rolls back, key included: its retry executes again.
 */
@ApplicationScoped
@BoundedDatabaseWork
public class IdempotencyService {

    private final IdempotencyRepository records;
    private final IdempotencySettings settings;
    private final ObjectMapper json;
    private final HttpServerRequest request;

    public IdempotencyService(IdempotencyRepository records, IdempotencySettings settings, ObjectMapper json,
            HttpServerRequest request) {
        this.records = records;
        this.settings = settings;
        this.json = json;
        this.request = request;
    }

    /**
     * Runs {@code work}, the POST to {@code uri} with {@code body} (the request entity, or its bytes), once per key:
     * without a key (header absent) it simply runs it.
     */
    public Uni<Response> once(String keyHeader, UriInfo uri, Object body, Supplier<Uni<Response>> work) {
        // The REST layer hands an empty header value over as null, like an absent header: the raw request tells them
        // apart, so that an empty key is refused (400) rather than silently ignored.
        IdempotencyKey key = IdempotencyKey.parse(keyHeader != null ? keyHeader : request.getHeader(IdempotencyKey.HEADER));
        if (key == null) {
            return work.get();
        }
        URI target = uri.getRequestUri();
        String fingerprint = RequestFingerprint.of(HttpMethod.POST, target.getRawPath(), target.getRawQuery(), bytes(body));
        return Panache.withTransaction(() -> records.claim(key, fingerprint, settings.ttl()).chain(claimed -> claimed
                ? work.get().chain(response -> record(key, response))
                : records.find(key).map(existing -> replay(existing, fingerprint))));
    }

    private Uni<Response> record(IdempotencyKey key, Response response) {
        if (response.getStatus() < 200 || response.getStatus() > 299) {
            return records.release(key).replaceWith(response);
        }
        StoredAnswer answer = new StoredAnswer(response.getStatus(),
                response.getMediaType() == null ? MediaType.APPLICATION_JSON : response.getMediaType().toString(),
                header(response, HttpHeaders.LOCATION), header(response, HttpHeaders.ETAG),
                new String(bytes(response.getEntity()), StandardCharsets.UTF_8));
        return records.answer(key, answer).map(done -> answer.toResponse());
    }

    private static Response replay(IdempotencyRepository.StoredRecord existing, String fingerprint) {
        if (existing == null || existing.answer() == null) {
            // Deleted between the claim and the read (expired meanwhile): rare; the client's retry executes.
            throw new ConflictException("The request with this " + IdempotencyKey.HEADER + " is not finished; retry");
        }
        if (!existing.fingerprint().equals(fingerprint)) {
            throw new UnprocessableException("idempotency-key-reused",
                    "This " + IdempotencyKey.HEADER + " was used for a different request (method, path, query or body)",
                    List.of(new FieldError(IdempotencyKey.HEADER, "was used for a different request")));
        }
        return existing.answer().toResponse();
    }

    private static String header(Response response, String name) {
        Object value = response.getMetadata().getFirst(name);
        return value == null ? null : value.toString();
    }

    private byte[] bytes(Object entity) {
        if (entity instanceof byte[] raw) {
            return raw;
        }
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An API record failed to serialize", e);
        }
    }
}
