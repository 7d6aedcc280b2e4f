package io.taskservice.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.mutiny.Uni;
import io.taskservice.project.Project;
import io.taskservice.project.ProjectRepository;
import io.taskservice.tag.Tag;
import io.taskservice.tag.TagRepository;
import io.taskservice.task.Task;
import io.taskservice.task.TaskDependency;
import io.taskservice.task.TaskDependencyRepository;
import io.taskservice.task.TaskPriority;
import io.taskservice.task.TaskRepository;
import io.taskservice.task.TaskStatus;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The repositories against the real, migrated schema: CRUD, constraints, transactions. Tests commit on
 * purpose, to prove what really reaches the database, and use unique keys so they do not interfere.
 */
@QuarkusTest
class PersistenceTest {

    @Inject
    ProjectRepository projects;
    @Inject
    TagRepository tags;
    @Inject
    TaskRepository tasks;
    @Inject
    TaskDependencyRepository dependencies;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Project project(String key) {
        Project project = new Project();
        project.key = key;
        project.name = "Project " + key;
        return project;
    }

    private Uni<Tag> newTag(String projectKey) {
        Project project = project(projectKey);
        Tag tag = new Tag();
        tag.project = project;
        tag.name = "master";
        tag.metadata = Map.of("description", "Tasks for the master branch");
        return projects.persist(project).chain(() -> tags.persist(tag));
    }

    private static Task task(Tag tag, Task parent, String key) {
        Task task = new Task();
        task.tag = tag;
        task.parent = parent;
        task.key = key;
        task.title = "Task " + key;
        return task;
    }

    @Test
    @RunOnVertxContext
    void createsReadsUpdatesAndDeletesProject(UniAsserter asserter) {
        String key = unique("crud");
        asserter.execute(() -> Panache.withTransaction(() -> projects.persist(project(key))));
        asserter.assertThat(() -> Panache.withSession(() -> projects.findByKey(key)), found -> {
            assertThat(found.name).isEqualTo("Project " + key);
            assertThat(found.version).isZero();
            assertThat(found.createdAt).isNotNull();
        });
        asserter.execute(() -> Panache.withTransaction(() -> projects.findByKey(key).invoke(p -> p.name = "Renamed")));
        asserter.assertThat(() -> Panache.withSession(() -> projects.findByKey(key)), found -> {
            assertThat(found.name).isEqualTo("Renamed");
            assertThat(found.version).isEqualTo(1);
        });
        asserter.execute(() -> Panache.withTransaction(() -> projects.delete("key", key)));
        asserter.assertThat(() -> Panache.withSession(() -> projects.findByKey(key)), found -> assertThat(found).isNull());
    }

    @Test
    @RunOnVertxContext
    void rolledBackTransactionLeavesNothing(UniAsserter asserter) {
        String key = unique("rollback");
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> newTag(key)
                .chain(tag -> tasks.persist(task(tag, null, "1")))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("abort after writes")))),
                IllegalStateException.class);
        asserter.assertThat(() -> Panache.withSession(() -> projects.count("key", key)), count -> assertThat(count).isZero());
        asserter.assertThat(() -> Panache.withSession(() -> tags.count("project.key", key)), count -> assertThat(count).isZero());
    }

    @Test
    @RunOnVertxContext
    void constraintViolationRollsBackEarlierWritesOfTheTransaction(UniAsserter asserter) {
        String key = unique("dup");
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> projects.persistAndFlush(project(key))
                .chain(() -> projects.persistAndFlush(project(key)))), failure ->
                assertThat(DatabaseFailure.of(failure)).contains(DatabaseFailure.UNIQUE_VIOLATION));
        asserter.assertThat(() -> Panache.withSession(() -> projects.count("key", key)), count -> assertThat(count).isZero());
    }

    @Test
    @RunOnVertxContext
    void storesTasksSubtasksAndJsonExtras(UniAsserter asserter) {
        String key = unique("tasks");
        asserter.execute(() -> Panache.withTransaction(() -> newTag(key).chain(tag -> {
            Task ten = task(tag, null, "10");
            ten.status = TaskStatus.IN_PROGRESS;
            ten.priority = TaskPriority.HIGH;
            ten.details = "details";
            ten.testStrategy = "strategy";
            ten.extra = Map.of("complexity", 7, "acceptanceCriteria", List.of("a", "b"));
            Task two = task(tag, null, "2");
            Task slug = task(tag, null, "rust-data-models");
            return tasks.persist(ten, two, slug)
                    .chain(() -> tasks.persist(task(tag, ten, "2"), task(tag, ten, "1")));
        })));
        asserter.assertThat(() -> Panache.withSession(() -> tags.findByProjectAndName(key, "master")
                .chain(tag -> tasks.listTopLevel(tag.id))), list -> {
                    assertThat(list).extracting(t -> t.key).containsExactly("2", "10", "rust-data-models");
                    Task ten = list.get(1);
                    assertThat(ten.status).isEqualTo(TaskStatus.IN_PROGRESS);
                    assertThat(ten.priority).isEqualTo(TaskPriority.HIGH);
                    assertThat(ten.extra).containsEntry("complexity", 7).containsEntry("acceptanceCriteria", List.of("a", "b"));
                    assertThat(ten.keyNumber).isEqualTo(10L);
                });
        asserter.assertThat(() -> Panache.withSession(() -> tags.findByProjectAndName(key, "master")
                .chain(tag -> tasks.findTopLevel(tag.id, "10"))
                .chain(ten -> tasks.listSubtasks(ten.id))), subtasks ->
                assertThat(subtasks).extracting(t -> t.key).containsExactly("1", "2"));
    }

    @Test
    @RunOnVertxContext
    void subtaskKeysAreUniqueWithinTheirParentOnly(UniAsserter asserter) {
        String key = unique("subkeys");
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> newTag(key).chain(tag -> {
            Task one = task(tag, null, "1");
            return tasks.persist(one).chain(() -> tasks.persistAndFlush(task(tag, one, "1")))
                    .chain(() -> tasks.persistAndFlush(task(tag, one, "1")));
        })), failure -> assertThat(DatabaseFailure.of(failure)).contains(DatabaseFailure.UNIQUE_VIOLATION));
    }

    @Test
    @RunOnVertxContext
    void storesDependenciesInOrder(UniAsserter asserter) {
        String key = unique("deps");
        asserter.execute(() -> Panache.withTransaction(() -> newTag(key).chain(tag -> {
            Task one = task(tag, null, "1");
            Task two = task(tag, null, "2");
            Task three = task(tag, null, "3");
            return tasks.persist(one, two, three).chain(() -> tasks.flush()).chain(() -> dependencies.persist(
                    new TaskDependency(three.id, two.id, tag.id, (short) 0, "2", false),
                    new TaskDependency(three.id, one.id, tag.id, (short) 1, "1", true)));
        })));
        asserter.assertThat(() -> Panache.withSession(() -> tags.findByProjectAndName(key, "master")
                .chain(tag -> tasks.findTopLevel(tag.id, "3"))
                .chain(three -> dependencies.listFor(three.id))
                .chain(list -> tasks.findById(list.get(0).id.dependsOnId()).map(first -> List.of(list.size(), first.key)))),
                result -> assertThat(result).containsExactly(2, "2"));
    }

    @Test
    @RunOnVertxContext
    void refusesSelfDependency(UniAsserter asserter) {
        String key = unique("self");
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> newTag(key).chain(tag -> {
            Task one = task(tag, null, "1");
            return tasks.persistAndFlush(one)
                    .chain(() -> dependencies.persistAndFlush(new TaskDependency(one.id, one.id, tag.id, (short) 0, "1", false)));
        })), failure -> assertThat(DatabaseFailure.of(failure)).contains(DatabaseFailure.CHECK_VIOLATION));
    }

    @Test
    @RunOnVertxContext
    void refusesDependencyAcrossTags(UniAsserter asserter) {
        String key = unique("cross");
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> newTag(key).chain(master -> {
            Tag other = new Tag();
            other.project = master.project;
            other.name = "feature";
            Task one = task(master, null, "1");
            Task elsewhere = task(other, null, "1");
            return tags.persist(other).chain(() -> tasks.persist(one, elsewhere)).chain(() -> tasks.flush())
                    .chain(() -> dependencies.persistAndFlush(new TaskDependency(one.id, elsewhere.id, master.id, (short) 0, "1", false)));
        })), failure -> assertThat(DatabaseFailure.of(failure)).contains(DatabaseFailure.FOREIGN_KEY_VIOLATION));
    }

    @Test
    @RunOnVertxContext
    void refusesUnknownStatusAtTheDatabase(UniAsserter asserter) {
        String key = unique("status");
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> newTag(key).chain(tag -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "insert into task (tag_id, task_key, title, status) values (:tag, '1', 't', 'started')")
                        .setParameter("tag", tag.id).executeUpdate()))),
                failure -> assertThat(DatabaseFailure.of(failure)).contains(DatabaseFailure.CHECK_VIOLATION));
    }

    @Test
    @RunOnVertxContext
    void deletingATagCascadesToItsTasks(UniAsserter asserter) {
        String key = unique("cascade");
        asserter.execute(() -> Panache.withTransaction(() -> newTag(key)
                .chain(tag -> tasks.persist(task(tag, null, "1"), task(tag, null, "2")))));
        // A bulk delete: the database's ON DELETE CASCADE, not Hibernate, removes the tasks.
        asserter.assertThat(() -> Panache.withTransaction(() -> tags.delete("project.key = ?1", key)),
                deleted -> assertThat(deleted).isEqualTo(1));
        asserter.assertThat(() -> Panache.withSession(() -> tasks.count("tag.project.key", key)), count -> assertThat(count).isZero());
    }

    @Test
    @RunOnVertxContext
    void optimisticLockRefusesStaleUpdate(UniAsserter asserter) {
        String key = unique("lock");
        asserter.execute(() -> Panache.withTransaction(() -> projects.persist(project(key))));
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> projects.findByKey(key).chain(p ->
                // A concurrent writer bumps the version behind this session's back.
                Panache.getSession().chain(session -> session.createNativeQuery(
                        "update project set version = version + 1 where project_key = :key")
                        .setParameter("key", key).executeUpdate())
                        .invoke(() -> p.name = "stale write")
                        .chain(() -> projects.flush()))),
                failure -> assertThat(DatabaseFailure.of(failure)).contains(DatabaseFailure.CONCURRENT_UPDATE));
    }
}
