package io.taskservice.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The part of an answer a replay gives back: status, Content-Type, Location, ETag and the body, as UTF-8 text
 * (every POST of the API answers JSON). The first answer is sent from the same record, so a replay is identical.
 */
public record StoredAnswer(int status, String contentType, String location, String etag, String body) {

    /** The HTTP response of this answer. */
    public Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status).type(contentType).entity(body);
        if (location != null) {
            builder.header(HttpHeaders.LOCATION, location);
        }
        if (etag != null) {
            builder.header(HttpHeaders.ETAG, etag);
        }
        return builder.build();
    }
}
