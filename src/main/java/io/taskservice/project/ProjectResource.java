package io.taskservice.project;

import io.smallrye.mutiny.Uni;
import io.taskservice.database.Page;
import io.taskservice.database.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

    public ProjectResource(ProjectService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Lists projects in key order, one page at a time")
    public Uni<Page<ProjectView>> list(@QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String size) {
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
    public Uni<Response> create(@NotNull @Valid NewProject request, UriInfo uri) {
        return service.create(request).map(created -> Response
                .created(uri.getAbsolutePathBuilder().path(created.key()).build())
                .entity(created)
                .build());
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
