package io.taskservice.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A generated request in parts, so that a failing one can be made smaller part by part: the operation, the
 * path with its (already encoded) parameter values, query parameters, headers and body.
 */
record GeneratedRequest(ApiOperations.Operation operation, String method, List<String> segments, List<String[]> query,
        List<String[]> headers, byte[] body, Long contentLength) {

    RawHttp.Request raw() {
        String path = String.join("/", segments);
        String target = query.isEmpty() ? path
                : path + "?" + query.stream().map(q -> q[1] == null ? q[0] : q[0] + "=" + q[1]).collect(Collectors.joining("&"));
        return new RawHttp.Request(method, target, headers, body, contentLength);
    }

    GeneratedRequest withQuery(List<String[]> newQuery) {
        return new GeneratedRequest(operation, method, segments, newQuery, headers, body, contentLength);
    }

    GeneratedRequest withHeaders(List<String[]> newHeaders) {
        return new GeneratedRequest(operation, method, segments, query, newHeaders, body, contentLength);
    }

    GeneratedRequest withBody(byte[] newBody, Long newContentLength) {
        return new GeneratedRequest(operation, method, segments, query, headers, newBody, newContentLength);
    }

    GeneratedRequest withSegment(int index, String value) {
        List<String> newSegments = new ArrayList<>(segments);
        newSegments.set(index, value);
        return new GeneratedRequest(operation, method, newSegments, query, headers, body, contentLength);
    }

    String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }
}
