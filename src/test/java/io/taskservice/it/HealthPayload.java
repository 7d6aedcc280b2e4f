package io.taskservice.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** A SmallRye Health answer ({@code /q/health/*}): overall status and the status and data of each check. */
record HealthPayload(String status, List<Check> checks) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One named check; {@code data} is empty when the check reports none. */
    record Check(String name, String status, Map<String, String> data) {
    }

    static HealthPayload parse(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            List<Check> checks = StreamSupport.stream(root.path("checks").spliterator(), false)
                    .map(check -> new Check(check.path("name").asText(), check.path("status").asText(),
                            JSON.convertValue(check.path("data").isObject() ? check.path("data") : JSON.createObjectNode(),
                                    JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class))))
                    .toList();
            return new HealthPayload(root.path("status").asText(), checks);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a health payload: " + body, e);
        }
    }

    Optional<Check> check(String name) {
        return checks.stream().filter(check -> check.name().equals(name)).findFirst();
    }
}
