package io.taskservice.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the errors of every operation in the OpenAPI document: the {@code Problem} schema and, per
 * operation, the problem+json responses {@link ProblemMapper} can give it. One place instead of annotations
 * repeated on every method; the rules follow from the method and from what the path addresses.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> addProblems(path, method, operation));
            }
        });
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> problems = new TreeMap<>();
        problems.put("400", "Invalid request: a parameter or body field breaks a rule (errors names each field)");
        problems.put("500", "Unexpected failure (logged on the server; the body has no internals)");
        problems.put("503", "Database unavailable or busy; retry after the Retry-After header's seconds");
        if (path.contains("{")) {
            problems.put("404", "The project, tag or task does not exist");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            problems.put("409", "Conflict: the key, name or id is taken");
        }
        if (path.contains("/tasks/{id}") && method != PathItem.HttpMethod.GET) { // writes honour If-Match
            problems.put("412", "If-Match names a version that is no longer current");
        }
        if (path.endsWith("/tasks") && method == PathItem.HttpMethod.POST) {
            problems.put("422", "The parent or a dependency does not exist in the tag");
        }
        if (path.endsWith("/dependencies") && method == PathItem.HttpMethod.POST) {
            problems.put("422", "The dependency does not exist, is the task itself, or would close a cycle");
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        problems.forEach((status, description) -> {
            if (operation.getResponses().getAPIResponse(status) == null) {
                operation.getResponses().addAPIResponse(status, problemResponse(description));
            }
        });
        if (method == PathItem.HttpMethod.POST) {
            describeIdempotencyKey(operation);
        }
    }

    private static APIResponse problemResponse(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
    }

    /** The optional header every POST declares, and its 422 (io.taskservice.idempotency; docs/api.md). */
    private static void describeIdempotencyKey(Operation operation) {
        String reused = "the Idempotency-Key was used for a different request";
        APIResponse unprocessable = operation.getResponses().getAPIResponse("422");
        if (unprocessable == null) {
            operation.getResponses().addAPIResponse("422", problemResponse("Unprocessable: " + reused));
        } else if (!unprocessable.getDescription().contains("Idempotency-Key")) {
            unprocessable.setDescription(unprocessable.getDescription() + "; or " + reused);
        }
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> "Idempotency-Key".equals(p.getName())).forEach(p -> p
                    .description("Makes the POST safe to retry: for 24 h, a request with the same key gets the first"
                            + " successful answer again instead of a second effect (1 to 255 printable ASCII characters,"
                            + " e.g. a UUID; the same key with a different request is a 422)")
                    .required(false));
        }
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string).addProperty("message", string);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Stable problem type, such as /problems/not-found"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("instance", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"));
    }
}
