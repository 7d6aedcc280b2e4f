package io.taskservice.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.taskservice.api.ETags;
import io.taskservice.error.InvalidRequestException;
import io.taskservice.database.Page;
import io.taskservice.database.PageRequest;
import io.taskservice.database.Sort;
import io.taskservice.idempotency.IdempotencyKey;
import io.taskservice.idempotency.IdempotencyService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tasks and subtasks of a tag over HTTP. Every task answer carries an ETag from its version. */
@Path("/api/projects/{project}/tags/{tag}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class TaskResource {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private final TaskService service;
    private final IdempotencyService idempotency;

    public TaskResource(TaskService service, IdempotencyService idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "Lists tasks and subtasks, filtered, sorted, by page or after a keyset cursor")
    public Uni<Page<TaskView>> list(@PathParam("project") String project, @PathParam("tag") String tag,
            @QueryParam("status") List<String> status, @QueryParam("priority") String priority,
            @QueryParam("parent") String parent, @QueryParam("q") String text, @QueryParam("sort") String sort,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String size, @QueryParam("after") String after) {
        if (after != null && page != null) {
            throw new InvalidRequestException("after", "cannot be combined with page");
        }
        if (parent != null && !parent.equals(TaskFilter.TOP_LEVEL)) {
            TaskId parentId = TaskId.parse("parent", parent);
            if (parentId.isSubtask()) {
                throw new InvalidRequestException("parent", "must be a top-level task id or none");
            }
        }
        if (text != null && text.length() > 200) {
            throw new InvalidRequestException("q", "must be at most 200 characters");
        }
        TaskFilter filter = new TaskFilter(statuses(status), priority == null ? null : priority(priority), parent, text);
        return service.list(project, tag, filter, Sort.parse(sort, TaskRepository.SORTABLE, TaskRepository.DEFAULT_SORT),
                PageRequest.of(page, size), after);
    }

    @POST
    @Operation(summary = "Creates a task, or a subtask when parent is given; 409 when the id is taken")
    public Uni<Response> create(@PathParam("project") String project, @PathParam("tag") String tag,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, @NotNull @Valid NewTask input, UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, input, () -> service.create(project, tag, input).map(created -> Response
                .created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .header(HttpHeaders.ETAG, ETags.of(created.version()))
                .entity(created).build()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Returns a task (21, rust-data-models) or subtask (21.2)")
    public Uni<Response> get(@PathParam("project") String project, @PathParam("tag") String tag, @PathParam("id") String id) {
        return service.get(project, tag, TaskId.parse("id", id)).map(TaskResource::withETag);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replaces a task's content; honours If-Match (412 when stale)")
    public Uni<Response> replace(@PathParam("project") String project, @PathParam("tag") String tag,
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid TaskContent content) {
        TaskId taskId = TaskId.parse("id", id);
        return service.replace(project, tag, taskId, ETags.versionOf(ifMatch, "Task " + id), content).map(TaskResource::withETag);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MERGE_PATCH)
    @Operation(summary = "Changes some of a task's fields (JSON merge patch); honours If-Match (412 when stale)")
    public Uni<Response> patch(@PathParam("project") String project, @PathParam("tag") String tag,
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull ObjectNode patch) {
        TaskId taskId = TaskId.parse("id", id);
        return service.patch(project, tag, taskId, ETags.versionOf(ifMatch, "Task " + id), patch).map(TaskResource::withETag);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Deletes a task with its subtasks and the dependencies on it; honours If-Match")
    public Uni<Response> delete(@PathParam("project") String project, @PathParam("tag") String tag,
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        TaskId taskId = TaskId.parse("id", id);
        return service.delete(project, tag, taskId, ETags.versionOf(ifMatch, "Task " + id))
                .map(done -> Response.noContent().build());
    }

    @POST
    @Path("{id}/dependencies")
    @Operation(summary = "Makes the task wait for another task or subtask; 422 for a missing target, itself or a cycle")
    public Uni<Response> addDependency(@PathParam("project") String project, @PathParam("tag") String tag,
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, @NotNull @Valid NewDependency body, UriInfo uri) {
        TaskId taskId = TaskId.parse("id", id);
        TaskId dependsOn = TaskId.parse("dependsOn", body.dependsOn());
        return idempotency.once(idempotencyKey, uri, body, () -> service.addDependency(project, tag, taskId,
                        ETags.versionOf(ifMatch, "Task " + id), dependsOn)
                .map(view -> Response.created(uri.getAbsolutePathBuilder().path(dependsOn.toString()).build())
                        .header(HttpHeaders.ETAG, ETags.of(view.version())).entity(view).build()));
    }

    @DELETE
    @Path("{id}/dependencies/{dependsOn}")
    @Operation(summary = "Removes a dependency; 404 when the task has none such")
    public Uni<Response> removeDependency(@PathParam("project") String project, @PathParam("tag") String tag,
            @PathParam("id") String id, @PathParam("dependsOn") String dependsOn, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        TaskId taskId = TaskId.parse("id", id);
        return service.removeDependency(project, tag, taskId, ETags.versionOf(ifMatch, "Task " + id), dependsOn)
                .map(done -> Response.noContent().build());
    }

    static Response withETag(TaskView view) {
        return ETags.ok(view, view.version());
    }

    private static List<TaskStatus> statuses(List<String> values) {
        return values == null ? List.of() : values.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .map(value -> {
                    try {
                        return TaskStatus.of(value);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidRequestException("status", "must be one of " + Arrays.stream(TaskStatus.values())
                                .map(TaskStatus::value).collect(Collectors.joining(", ")));
                    }
                })
                .toList();
    }

    private static TaskPriority priority(String value) {
        try {
            return TaskPriority.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("priority", "must be one of low, medium, high, critical");
        }
    }
}
