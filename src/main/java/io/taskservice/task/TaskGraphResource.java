package io.taskservice.task;

import io.smallrye.mutiny.Uni;
import io.taskservice.task.graph.DependencyProblem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Task Master's views of a whole tag: the next task, dependency validation, the dependency graph. */
@Path("/api/projects/{project}/tags/{tag}")
@Tag(name = "Tasks")
public class TaskGraphResource {

    public static final String MERMAID = "text/vnd.mermaid";

    private final TaskGraphService service;

    public TaskGraphResource(TaskGraphService service) {
        this.service = service;
    }

    /** A dependency problem as {@code task-master validate-dependencies} reports it. */
    public record ValidationProblem(String kind, String taskId, String dependencyId, String message) {

        static ValidationProblem of(DependencyProblem problem) {
            return new ValidationProblem(problem.kind().name().toLowerCase(Locale.ROOT), problem.taskId(),
                    problem.dependencyId(), problem.message());
        }
    }

    @GET
    @Path("next")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The task to work on next, chosen as task-master next chooses it; 204 when there is none")
    public Uni<Response> next(@PathParam("project") String project, @PathParam("tag") String tag) {
        return service.next(project, tag).map(next -> next.map(TaskResource::withETag)
                .orElseGet(() -> Response.noContent().build()));
    }

    @GET
    @Path("validation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The dependency problems task-master validate-dependencies reports: self, missing, circular")
    public Uni<List<ValidationProblem>> validation(@PathParam("project") String project, @PathParam("tag") String tag) {
        return service.validate(project, tag).map(problems -> problems.stream().map(ValidationProblem::of).toList());
    }

    @GET
    @Path("graph")
    @Produces(MERMAID)
    @Operation(summary = "The dependency graph as a Mermaid flowchart")
    public Uni<String> graph(@PathParam("project") String project, @PathParam("tag") String tag) {
        return service.graph(project, tag);
    }
}
