package io.taskservice.taskmaster;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.taskservice.api.ETags;
import io.taskservice.database.BoundedDatabaseWork;
import io.taskservice.database.BulkWork;
import io.taskservice.database.DatabaseFailure;
import io.taskservice.database.ReadSnapshot;
import io.taskservice.error.ConflictException;
import io.taskservice.error.InvalidRequestException;
import io.taskservice.error.NotFoundException;
import io.taskservice.error.UnprocessableException;
import io.taskservice.project.NewProject;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Import and export of whole {@code tasks.json} files; the transaction boundary: an import is all or nothing.
 * Tags that the file names and the project already has are refused (409) unless the caller asks to replace them;
 * the project's other tags are never touched.
 */
@ApplicationScoped
@BoundedDatabaseWork
public class TaskFileService {

    private final TaskFileReader reader = new TaskFileReader();
    private final TaskFileWriter writer = new TaskFileWriter();
    private final TaskFileStore store;
    private final BulkWork bulk;
    private final Vertx vertx;

    public TaskFileService(TaskFileStore store, BulkWork bulk, Vertx vertx) {
        this.store = store;
        this.bulk = bulk;
        this.vertx = vertx;
    }

    /**
     * Reads and checks a whole file and plans its rows, before any database work (CPU work: call it on a worker
     * thread): 422 ({@code invalid-task-file}) listing every problem, including what the database cannot store.
     */
    public PlannedImport read(byte[] body) {
        TaskFile file;
        try {
            file = reader.read(body);
        } catch (InvalidTaskFileException e) {
            throw invalid(e.getMessage(), e.problems());
        }
        List<TaskFileProblem> unstorable = TaskFileMapping.unstorable(file);
        if (!unstorable.isEmpty()) {
            throw invalid(new InvalidTaskFileException(unstorable).getMessage(), unstorable);
        }
        return new PlannedImport(file, TaskFileMapping.toRows(file));
    }

    /** A file that was read and checked, and the rows it becomes (local ids, see {@link TaskFileMapping#toRows}). */
    public record PlannedImport(TaskFile file, TaskFileRows rows) {
    }

    /**
     * Imports every tag of the file into the project, creating the project (name = key) when missing. Tags the
     * project already has are a conflict, or with {@code replace} deleted and imported again, in one transaction,
     * with the server-side bounds of {@link BulkWork} (the request must be marked as bulk work for its own budget).
     */
    @WithTransaction
    public Uni<ImportSummary> importFile(String projectKey, PlannedImport planned, boolean replace) {
        if (!NewProject.isValidKey(projectKey)) {
            throw new InvalidRequestException("project", NewProject.KEY_RULE + ", at most " + NewProject.KEY_MAX_LENGTH + " characters");
        }
        TaskFile file = planned.file();
        TaskFileRows rows = planned.rows();
        List<String> names = file.tags().stream().map(TaskList::name).toList();
        return bulk.raiseServerTimeouts()
                .chain(() -> store.findOrCreateProject(projectKey))
                .chain(projectId -> store.existingTags(projectId, names).chain(existing -> {
                    if (existing.isEmpty()) {
                        return store.insert(projectId, rows);
                    }
                    if (!replace) {
                        throw new ConflictException("Project '" + projectKey + "' already has the tags "
                                + String.join(", ", existing) + "; import with replace=true to replace them");
                    }
                    return store.deleteTags(projectId, existing).chain(() -> store.insert(projectId, rows));
                }))
                .onFailure(DatabaseFailure.UNIQUE_VIOLATION::matches).transform(e -> new ConflictException(
                        "Another request imported into project '" + projectKey + "' at the same time; retry"))
                .map(done -> ImportSummary.of(projectKey, rows, file.warnings()));
    }

    /**
     * The project's tags as a tagged tasks.json (UTF-8, Task Master's layout; {@code {}} without tags), with its ETag.
     * Like a backup, it reads one snapshot: its queries run in one read-only repeatable-read transaction, so an import
     * that replaces tags at the same time is in the file wholly or not at all.
     */
    @WithTransaction
    public Uni<ExportedFile> export(String projectKey) {
        return ReadSnapshot.begin()
                .chain(() -> store.findProject(projectKey))
                .onItem().ifNull().failWith(() -> new NotFoundException("project", projectKey))
                .chain(store::load)
                // Writing and hashing a large file is CPU work: on a worker thread, back on this context afterwards.
                .chain(rows -> vertx.executeBlocking(Uni.createFrom().item(() -> {
                    byte[] json = writer.write(TaskFileMapping.toFile(rows));
                    return new ExportedFile(json, ETags.ofContent(json));
                })));
    }

    /** An exported tasks.json and the strong ETag of its bytes. */
    public record ExportedFile(byte[] json, String etag) {
    }

    private static UnprocessableException invalid(String detail, List<TaskFileProblem> problems) {
        return new UnprocessableException("invalid-task-file", detail,
                problems.stream().map(ImportSummary::fieldError).toList());
    }
}
