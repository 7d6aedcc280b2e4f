package io.taskservice.api;

import io.taskservice.error.InvalidRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses U+0000 in every path parameter, query parameter and JSON body field with a 400 naming it, before a
 * resource runs: PostgreSQL cannot store the character, and would fail the request late and as a 500. An
 * imported tasks.json (read as bytes) is checked by its reader instead, which names tag, task and field.
 */
@Provider
public class NulCharacterChecks implements ReaderInterceptor {

    @ServerRequestFilter
    public void parameters(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (NulCharacter.in(parameter.getKey()) || parameter.getValue().stream().anyMatch(NulCharacter::in)) {
                throw new InvalidRequestException(parameter.getKey().replace("\0", "\\u0000"), NulCharacter.RULE);
            }
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        boolean json = type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        if (!json || context.getType() == byte[].class) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes(); // already in memory: RESTEasy buffers the body
        NulCharacter.pathInJson(body).ifPresent(path -> {
            throw new InvalidRequestException(path, NulCharacter.RULE);
        });
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
