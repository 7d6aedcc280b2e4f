package io.taskservice.taskmaster;

import io.smallrye.mutiny.Uni;
import io.taskservice.database.BulkWork;
import io.taskservice.idempotency.IdempotencyKey;
import io.taskservice.idempotency.IdempotencyService;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A project's task lists as one Task Master {@code tasks.json}: import and export. */
@Path("/api/projects/{project}")
@Tag(name = "Import and export")
public class TaskFileResource {

    private final TaskFileService service;
    private final IdempotencyService idempotency;
    private final Vertx vertx;

    public TaskFileResource(TaskFileService service, IdempotencyService idempotency, Vertx vertx) {
        this.service = service;
        this.idempotency = idempotency;
        this.vertx = vertx;
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Imports a whole tasks.json (tagged or legacy) into the project, creating it if needed;"
            + " all or nothing. Tags the project already has are a 409 unless replace=true")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "A Task Master tasks.json")))
    @APIResponse(responseCode = "201", description = "Imported; the body summarizes each tag")
    @APIResponse(responseCode = "409", description = "The project already has tags of the file (and replace is not true)")
    @APIResponse(responseCode = "422", description = "The file is not a valid tasks.json; errors name tag, task id and field",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public Uni<Response> importFile(@PathParam("project") String project, @QueryParam("replace") boolean replace,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, byte[] body, UriInfo uri) {
        // Parsing a large file is CPU work (~0.1-0.3 s for 1.5 MB on a cold JVM): done on a worker thread, so the
        // event loop keeps serving; executeBlocking hands the result back on this request's context.
        BulkWork.allowForThisRequest();
        return vertx.executeBlocking(Uni.createFrom().item(() -> service.read(body)))
                .chain(planned -> idempotency.once(idempotencyKey, uri, body, () -> service.importFile(project, planned, replace)
                        .map(summary -> Response.created(uri.getBaseUriBuilder().path("api/projects").path(project).build())
                                .entity(summary).build())));
    }

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exports the project's tags as a tagged tasks.json that Task Master reads")
    @APIResponse(responseCode = "200", description = "The tasks.json", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> export(@PathParam("project") String project) {
        return service.export(project).map(file -> Response.ok(file.json(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, file.etag()).build());
    }
}
