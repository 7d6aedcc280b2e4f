package io.taskservice.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The one home of conditional GET (RFC 9110 13.1.2): every successful GET of the API gets an {@code ETag}, and a
 * request whose {@code If-None-Match} names it gets {@code 304 Not Modified} without a body.
 *
 * <p>A resource that has a version (a task, a tag, a project) sets its version's ETag itself, which If-Match on a
 * write can name. For other answers (pages of lists, the next task, validation, the graph) this filter serializes the
 * JSON body once, here instead of in the message body writer, and tags it with a hash of those bytes. Export
 * computes its hash where it writes the file, off the event loop.
 */
public class ConditionalGetFilter {

    private final ObjectMapper json;

    public ConditionalGetFilter(ObjectMapper json) {
        this.json = json;
    }

    @ServerResponseFilter
    public void conditionalGet(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        if (etag == null) {
            Object entity = response.getEntity();
            byte[] body;
            if (entity instanceof byte[] bytes) {
                body = bytes;
            } else if (entity instanceof String text) {
                body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } else if (MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
                body = json.writeValueAsBytes(entity);
                response.setEntity(body, null, response.getMediaType());
            } else {
                return;
            }
            etag = ETags.ofContent(body);
            response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        }
        if (ETags.noneMatch(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag.toString())) {
            return;
        }
        response.setStatus(304);
        response.setEntity(null);
    }
}
