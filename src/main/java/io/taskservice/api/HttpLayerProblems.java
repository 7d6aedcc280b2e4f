package io.taskservice.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * problem+json for what the HTTP layer refuses before any resource runs: a body over the size limit (413), a
 * request target or header section over ours (414, 431), and every failure of the Vert.x router itself, such as
 * a missing Host header (400). Without this, those answers have no body. Netty's own limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set above ours in
 * application.properties so that such requests reach this code. A request beyond Netty's limits, or one Netty
 * cannot parse (a malformed request line, malformed percent-encoding, a control character in a header), is
 * answered by Vert.x's invalid-request handler with a bare 400, 414 or 431 and a closed connection: Quarkus
 * gives no access to that handler.
 */
@ApplicationScoped
public class HttpLayerProblems {

    /** The longest request target (path and query) we serve; longer is 414. */
    public static final int MAX_URI_LENGTH = 8192;
    /** The largest header section (names, values, separators) we serve; larger is 431. */
    public static final int MAX_HEADER_BYTES = 20 * 1024;
    /** Before Quarkus' own body-size check (order -2), whose 413 has no body. */
    private static final int ORDER_BEFORE_UPLOAD_LIMIT = -3;
    private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);

    private final ObjectMapper json;
    private final long maxBodyBytes;

    public HttpLayerProblems(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER_BEFORE_UPLOAD_LIMIT).handler(this::checkLimits);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::routerFailure);
    }

    private void checkLimits(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > MAX_URI_LENGTH) {
            answer(context, 414, "uri-too-long", "URI too long",
                    "The request target (path and query) is longer than " + MAX_URI_LENGTH + " characters", true);
        } else if (headerBytes(request) > MAX_HEADER_BYTES) {
            answer(context, 431, "headers-too-large", "Request header fields too large",
                    "The request headers are larger than " + MAX_HEADER_BYTES + " bytes", true);
        } else if (contentLength(request) > maxBodyBytes) {
            answer(context, 413, "body-too-large", "Content too large",
                    "The request body is larger than " + maxBodyBytes + " bytes", true);
        } else {
            context.next();
        }
    }

    /** Failures of the router before or outside a resource; a resource's own failures never get here. */
    private void routerFailure(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next(); // too late for a problem: Quarkus' handler ends or closes it
            return;
        }
        int status = context.statusCode();
        if (status == 413) {
            answer(context, 413, "body-too-large", "Content too large",
                    "The request body is larger than " + maxBodyBytes + " bytes", true);
        } else if (status >= 400 && status < 500) {
            String detail = status == 400 ? "The request could not be read: check the path, the query and the headers"
                    : "HTTP " + status;
            answer(context, status, "http-" + status, "HTTP " + status, detail, false);
        } else {
            LOG.errorf(context.failure(), "Unexpected failure of the HTTP layer on %s", shortPath(context.request()));
            answer(context, 500, "internal-error", "Internal error", "The request failed unexpectedly", false);
        }
    }

    private void answer(RoutingContext context, int status, String type, String title, String detail, boolean close) {
        Problem body = new Problem("/problems/" + type, title, status, detail, shortPath(context.request()), List.of());
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem always serializes", e);
        }
        var response = context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close) {
            // The body was not read: the connection cannot carry another request.
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            response.endHandler(done -> context.request().connection().close());
        }
        response.end(text);
    }

    private static String shortPath(HttpServerRequest request) {
        String path = request.path();
        return path == null || path.length() > 256 ? null : path;
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return bytes;
    }

    private static long contentLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1; // Netty refuses a malformed Content-Length before we see it
        }
    }
}
