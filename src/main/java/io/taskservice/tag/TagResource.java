package io.taskservice.tag;

import io.smallrye.mutiny.Uni;
import io.taskservice.api.ETags;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Tags (task lists) of a project over HTTP. */
@Path("/api/projects/{project}/tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Tags")
public class TagResource {

    private final TagService service;
    private final IdempotencyService idempotency;

    public TagResource(TagService service, IdempotencyService idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "Lists the project's tags by name")
    public Uni<List<TagView>> list(@PathParam("project") String project) {
        return service.list(project);
    }

    @POST
    @Operation(summary = "Creates a tag; 409 when the name is taken")
    public Uni<Response> create(@PathParam("project") String project, @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @NotNull @Valid TagInput input, UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, input, () -> service.create(project, input).map(created -> Response
                .created(uri.getAbsolutePathBuilder().path(created.name()).build())
                .header(HttpHeaders.ETAG, ETags.of(created.version())).entity(created).build()));
    }

    @GET
    @Path("{tag}")
    @Operation(summary = "Returns one tag, with its ETag; 304 when If-None-Match names it")
    public Uni<Response> get(@PathParam("project") String project, @PathParam("tag") String tag) {
        return service.get(project, tag).map(TagResource::withETag);
    }

    @PUT
    @Path("{tag}")
    @Operation(summary = "Replaces a tag's name and description; a new name renames it. Honours If-Match (412 when stale)")
    public Uni<Response> update(@PathParam("project") String project, @PathParam("tag") String tag,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid TagInput input) {
        return service.update(project, tag, ETags.versionOf(ifMatch, "Tag " + tag), input).map(TagResource::withETag);
    }

    @DELETE
    @Path("{tag}")
    @Operation(summary = "Deletes a tag with all its tasks; honours If-Match (412 when stale)")
    public Uni<Response> delete(@PathParam("project") String project, @PathParam("tag") String tag,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(project, tag, ETags.versionOf(ifMatch, "Tag " + tag)).map(done -> Response.noContent().build());
    }

    private static Response withETag(TagView view) {
        return ETags.ok(view, view.version());
    }
}
