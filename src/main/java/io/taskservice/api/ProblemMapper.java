package io.taskservice.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.taskservice.database.DatabaseFailure;
import io.taskservice.database.ShedRequests;
import io.taskservice.error.ConflictException;
import io.taskservice.error.FieldError;
import io.taskservice.error.InvalidRequestException;
import io.taskservice.error.NotFoundException;
import io.taskservice.error.PreconditionFailedException;
import io.taskservice.error.UnprocessableException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP responses: every domain exception, database failure and
 * unexpected exception turns into {@code application/problem+json}. Bodies carry no stack trace, SQL
 * text, driver message or secret; unexpected failures are logged here with their stack trace.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** Seconds a client should wait before retrying when the database is unavailable. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final ShedRequests shed;

    public ProblemMapper(ShedRequests shed) {
        this.shed = shed;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return problem(404, "not-found", "Not found", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return problem(409, "conflict", "Conflict", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailedException e, UriInfo uri) {
        return problem(412, "precondition-failed", "Precondition failed", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unprocessable(UnprocessableException e, UriInfo uri) {
        return problem(422, e.type(), "Unprocessable content", e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        return problem(400, "invalid-request", "Invalid request", e.getMessage(), uri,
                List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return problem(400, "invalid-request", "Invalid request", detail, uri, errors);
    }

    /** Replaces Quarkus' built-in mapper for this type, whose body is not problem+json. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }


    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        // Jackson's own message quotes the input and internal class names: only the JSON path is kept.
        String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String detail = path.isEmpty() ? "The request body is not valid JSON for this resource"
                : "The request body has an invalid value at " + path;
        List<FieldError> errors = path.isEmpty() ? List.of() : List.of(new FieldError(path, "invalid value"));
        return problem(400, "invalid-request", "Invalid request", detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableBody(unreadable, uri); // the JSON reader wraps some Jackson failures
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = status == 400 ? "The request could not be read: check the JSON body and the parameters" : title;
        return problem(status, "http-" + status, title, detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return DatabaseFailure.of(e).map(kind -> database(kind, uri)).orElseGet(() -> {
            LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
            return problem(500, "internal-error", "Internal error", "The request failed unexpectedly", uri, List.of());
        });
    }

    private Response database(DatabaseFailure kind, UriInfo uri) {
        return switch (kind) {
            case UNIQUE_VIOLATION -> problem(409, "conflict", "Conflict",
                    "A resource with the same identifier already exists", uri, List.of());
            case FOREIGN_KEY_VIOLATION -> problem(409, "conflict", "Conflict",
                    "The request refers to a resource that does not exist or is still referenced", uri, List.of());
            case CHECK_VIOLATION -> problem(422, "constraint-violation", "Unprocessable content",
                    "A value breaks a rule of the data model", uri, List.of());
            case CONCURRENT_UPDATE -> problem(409, "concurrent-update", "Conflict",
                    "Another request changed the same data; retry with fresh data", uri, List.of());
            case AUTHENTICATION_FAILED, UNAVAILABLE -> {
                shed.record(kind); // a metric and a rate-limited summary, not a line per request
                yield Response.fromResponse(problem(503, "database-unavailable", "Service unavailable",
                                "The database is unavailable or busy; retry later", uri, List.of()))
                        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                        .build();
            }
        };
    }

    static Response problem(int status, String type, String title, String detail, UriInfo uri, List<FieldError> errors) {
        Problem body = new Problem("/problems/" + type, title, status, detail, uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // "create.request.name" -> "name": the method and parameter names mean nothing to a client.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
