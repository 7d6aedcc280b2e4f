package io.taskservice.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The operations of the OpenAPI document under /api: what a generated request can address. */
final class ApiOperations {

    /** One parameter: {@code in} is path, query or header. */
    record Parameter(String name, String in, String type) {
    }

    /** One operation; {@code bodySchema} is null when it takes no body. */
    record Operation(String method, String path, List<Parameter> parameters, String bodyMediaType, JsonNode bodySchema) {

        String key() {
            return method + " " + path;
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();

    ApiOperations(JsonNode document) {
        this.document = document;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (method.getKey().equals("parameters")) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                addParameters(path.getValue().path("parameters"), parameters);
                addParameters(method.getValue().path("parameters"), parameters);
                String mediaType = null;
                JsonNode schema = null;
                Iterator<Map.Entry<String, JsonNode>> content = method.getValue().path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    mediaType = first.getKey();
                    schema = resolve(first.getValue().path("schema"));
                }
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), parameters, mediaType, schema));
            }
        }
    }

    List<Operation> all() {
        return operations;
    }

    /** The schema a {@code $ref} names, else the schema itself. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private void addParameters(JsonNode list, List<Parameter> into) {
        for (JsonNode parameter : list) {
            JsonNode p = resolve(parameter);
            String type = resolve(p.path("schema")).path("type").asText("string");
            into.removeIf(existing -> existing.name().equals(p.path("name").asText()) && existing.in().equals(p.path("in").asText()));
            into.add(new Parameter(p.path("name").asText(), p.path("in").asText(), type));
        }
    }
}
