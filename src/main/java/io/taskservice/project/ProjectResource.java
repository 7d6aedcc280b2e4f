package io.taskservice.project;

import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    public Uni<Page<ProjectView>> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return service.list(PageRequest.of(page, size));
    }

    @GET
    @Path("{project}")
    @Operation(summary = "Returns one project")
    public Uni<ProjectView> get(@PathParam("project") String key) {
        return service.get(key);
    }

    @POST
    @Operation(summary = "Creates a project; 409 when the key is taken")
    public Uni<Response> create(@HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, @NotNull @Valid NewProject request,
            UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, request, () -> service.create(request).map(created -> Response
                .created(uri.getAbsolutePathBuilder().path(created.key()).build())
                .entity(created)
                .build()));
    }

    @PUT
    @Path("{project}")
    @Operation(summary = "Replaces a project's name and description")
    public Uni<ProjectView> update(@PathParam("project") String key, @NotNull @Valid ProjectUpdate update) {
        return service.update(key, update);
    }

    @DELETE
    @Path("{project}")
    @Operation(summary = "Deletes a project with all its tags and tasks")
    public Uni<Response> delete(@PathParam("project") String key) {
        return service.delete(key).map(done -> Response.noContent().build());
    }
}
