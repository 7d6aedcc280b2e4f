package io.taskservice.bench;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.taskservice.project.Project;
import io.taskservice.project.ProjectRepository;

import io.taskservice.tag.TagRepository;
import io.taskservice.task.Task;
import io.taskservice.task.TaskId;
import io.taskservice.task.TaskReadRepository;
import io.taskservice.task.TaskRepository;
import io.taskservice.task.TaskRow;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

import org.junit.jupiter.api.Test;

/**
 * CPU cost of reading one task, four ways: a managed Panache entity, the repository's HQL projection (what the
 * API uses), the same projection in a stateless session, and plain SQL on the reactive client. Reports JVM
 * CPU time and wall time per read; asserts nothing about speed. Excluded from {@code ./mvnw verify}; run with
 * {@code ./mvnw test -Dtest=TaskReadBenchmark -Dgroups=benchmark -DexcludedGroups=none} (docs/performance.md).
 */
@QuarkusTest
@org.junit.jupiter.api.Tag("benchmark")
class TaskReadBenchmark {

    private static final int WARMUP = 3_000;
    private static final int READS = 5_000;

    @Inject
    ProjectRepository projects;
    @Inject
    TagRepository tags;
    @Inject
    TaskRepository tasks;
    @Inject
    TaskReadRepository reads;
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    Pool pool;

    @Test
    void readOneTask() throws Throwable {
        io.taskservice.tag.Tag seeded = seed();
        long tagId = seeded.id;
        String projectKey = seeded.project.key;
        TaskId id = new TaskId(null, "42");
        Map<String, Supplier<Uni<?>>> variants = new java.util.LinkedHashMap<>();
        variants.put("Panache managed entity", () -> Panache.withSession(() -> tasks.findEntity(tagId, id).map(t -> t.title)));
        variants.put("HQL projection (API path)", () -> Panache.withSession(() -> reads.findRow(projectKey, "master", id)));
        variants.put("HQL projection, stateless session", () -> sessions.withStatelessSession(s -> s.createSelectionQuery(
                "select new io.taskservice.task.TaskRow(t.id, t.key, p.key, t.title, t.description, t.details, t.testStrategy,"
                        + " t.status, t.priority, t.extra, t.sortKey, t.createdAt, t.updatedAt, t.version)"
                        + " from Task t left join t.parent p where t.tag.id = :tag and t.key = :key and p is null", TaskRow.class)
                .setParameter("tag", tagId).setParameter("key", "42").getSingleResult()));
        variants.put("bare reactive client (SQL)", () -> pool.preparedQuery(
                "SELECT t.id, t.task_key, t.title, t.description, t.details, t.test_strategy, t.status, t.priority, t.extra,"
                        + " t.sort_key, t.created_at, t.updated_at, t.version FROM task t"
                        + " WHERE t.tag_id = $1 AND t.task_key = $2 AND t.parent_id IS NULL")
                .execute(Tuple.of(tagId, "42")).map(rows -> rows.iterator().next().getString("title")));

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("BENCH %d sequential reads of one task after %d warm-up, JVM %s, %d cores%n", READS, WARMUP,
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        for (int round = 0; round < 2; round++) { // the second round is the one to read: everything is warm
            for (var variant : variants.entrySet()) {
                run(variant.getValue(), WARMUP);
                long cpu = os.getProcessCpuTime();
                long wall = System.nanoTime();
                run(variant.getValue(), READS);
                double cpuMicros = (os.getProcessCpuTime() - cpu) / 1e3 / READS;
                double wallMicros = (System.nanoTime() - wall) / 1e3 / READS;
                System.out.printf("BENCH round %d  %-36s CPU %6.1f µs/read   wall %6.1f µs/read%n", round + 1, variant.getKey(),
                        cpuMicros, wallMicros);
            }
        }
    }

    private static void run(Supplier<Uni<?>> read, int times) throws Throwable {
        // One read after the other, as one request after another would.
        VertxContextSupport.subscribeAndAwait(() -> Multi.createFrom().range(0, times)
                .onItem().transformToUniAndConcatenate(i -> read.get())
                .collect().last());
    }

    private io.taskservice.tag.Tag seed() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            Project project = new Project();
            project.key = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            project.name = "Benchmark";
            io.taskservice.tag.Tag tag = new io.taskservice.tag.Tag();
            tag.project = project;
            tag.name = "master";
            Task task = new Task();
            task.tag = tag;
            task.key = "42";
            task.title = "Read me";
            task.description = "A task of typical size";
            task.details = "x".repeat(800);
            task.extra = Map.of("complexity", 5);
            return projects.persist(project).chain(() -> tags.persist(tag)).chain(() -> tasks.persist(task)).map(t -> tag);
        }));
    }
}
