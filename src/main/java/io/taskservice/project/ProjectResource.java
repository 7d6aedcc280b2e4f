package io.taskservice.project;

import io.smallrye.mutiny.Uni;
import io.taskservice.api.ETags;
import io.taskservice.database.Page;
import io.taskservice.database.PageRequest;
import io.taskservice.idempotency.IdempotencyKey;
import io.taskservice.idempotency.IdempotencyService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Projects over HTTP. */
@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class ProjectResource {

    private final ProjectService service;
    private final IdempotencyService idempotency;

    public ProjectResource(ProjectService service, IdempotencyService idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "Lists projects in key order, one page at a time")
    public Uni<Page<ProjectView>> list(@QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String size) {
        return service.list(PageRequest.of(page, size));
    }

    @GET
    @Path("{project}")
    @Operation(summary = "Returns one project, with its ETag; 304 when If-None-Match names it")
    public Uni<Response> get(@PathParam("project") String key) {
        return service.get(key).map(ProjectResource::withETag);
    }

    @POST
    @Operation(summary = "Creates a project; 409 when the key is taken")
    public Uni<Response> create(@HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, @NotNull @Valid NewProject request,
            UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, request, () -> service.create(request).map(created -> Response
                .created(uri.getAbsolutePathBuilder().path(created.key()).build())
                .header(HttpHeaders.ETAG, ETags.of(created.version()))
                .entity(created)
                .build()));
    }

    @PUT
    @Path("{project}")
    @Operation(summary = "Replaces a project's name and description; honours If-Match (412 when stale)")
    public Uni<Response> update(@PathParam("project") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ProjectUpdate update) {
        return service.update(key, ETags.versionOf(ifMatch, "Project " + key), update).map(ProjectResource::withETag);
    }

    @DELETE
    @Path("{project}")
    @Operation(summary = "Deletes a project with all its tags and tasks; honours If-Match (412 when stale)")
    public Uni<Response> delete(@PathParam("project") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(key, ETags.versionOf(ifMatch, "Project " + key)).map(done -> Response.noContent().build());
    }

    private static Response withETag(ProjectView view) {
        return ETags.ok(view, view.version());
    }
}
