package io.taskservice.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.taskservice.database.ShedRequests;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Admission control: at most {@code task-service.admission.max-in-flight} API requests are worked on at once; the
 * next one is answered {@code 503} with {@code Retry-After} at once, before it costs a session, a pooled connection
 * or a place in the pool's wait queue.
 *
 * <p>Without it, 2,000 concurrent clients all went to the pool: its wait queue filled, every waiter spent up to the
 * acquire timeout there, and nearly every request ended as a 503 after seconds instead of a 200 (12 served, 30,462
 * shed in one 15 s run), while the event loops were too busy to answer the liveness probe in time. Bounded here, the
 * admitted requests get the pool's whole capacity and the rest cost one small answer each.
 *
 * <p>It lives in {@code api} because it answers in problem+json before any resource runs, like
 * {@link HttpLayerProblems}; the limit follows the pool, and refusals are counted with the database's
 * ({@link ShedRequests}, {@code reason="over_capacity"}). Only {@code /api} is limited: the management interface
 * (health, metrics) has its own port and server.
 */
@ApplicationScoped
public class RequestAdmission {

    /** Requests admitted per pooled connection by default: one running, a few waiting their turn. */
    static final int REQUESTS_PER_CONNECTION = 4;
    /** Seconds to wait before a retry: a place is usually free again within milliseconds. */
    static final String RETRY_AFTER_SECONDS = "1";
    /**
     * After HttpLayerProblems (-3) and Quarkus' body-size check (-2): their answers replace the response's end
     * handler, through which an admitted request gives its place back.
     */
    private static final int ORDER = -1;
    /** The URI tag of a refused request in http_server_requests, instead of one tag per path. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    private static final Logger LOG = Logger.getLogger(RequestAdmission.class);

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int limit;
    private final ShedRequests shed;
    /**
     * The same body for every refusal, serialized once (no {@code instance}: it is optional, and under a storm of
     * thousands of refusals a second every microsecond of an answer is taken from the admitted requests).
     */
    private final Buffer refusal;

    public RequestAdmission(AdmissionSettings settings,
            @ConfigProperty(name = "quarkus.datasource.reactive.max-size") int poolSize,
            ShedRequests shed, ObjectMapper json, MeterRegistry registry) {
        this.limit = settings.maxInFlight().orElse(poolSize * REQUESTS_PER_CONNECTION);
        this.shed = shed;
        this.refusal = Buffer.buffer(serialized(json, new Problem("/problems/overloaded", "Service unavailable", 503,
                "The service is working on as many requests as it admits; retry later", null, List.of())));
        Gauge.builder("task_service.requests.in_flight", inFlight, AtomicInteger::get)
                .description("API requests being worked on, at most task-service.admission.max-in-flight")
                .register(registry);
    }

    void install(@Observes Router router) {
        LOG.debugf("Admitting at most %d API requests in flight", limit);
        router.route("/api/*").order(ORDER).handler(this::admit);
    }

    private void admit(RoutingContext context) {
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            refuse(context);
            return;
        }
        // Called once, when the response ends or the connection closes before it could.
        context.addEndHandler(ended -> inFlight.decrementAndGet());
        context.next();
    }

    private void refuse(RoutingContext context) {
        shed.recordOverCapacity();
        HttpServerRequest request = context.request();
        Context requestContext = Vertx.currentContext();
        if (requestContext != null) {
            requestContext.putLocal(URL_PATH_TEMPLATE, "/api/*");
        }
        var response = context.response().setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        if (hasBody(request)) {
            // The body was not read: the connection cannot carry another request.
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            response.endHandler(done -> request.connection().close());
        }
        response.end(refusal.copy());
    }

    private static String serialized(ObjectMapper json, Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem always serializes", e);
        }
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || length != null && !length.trim().equals("0");
    }
}
