package io.taskservice.task.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskservice.task.graph.DependencyProblem.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The rules on a chain of 10,000 tasks (1 &lt;- 2 &lt;- ... &lt;- 10000: each task waits for the one before): linear
 * work and no deep recursion. Each computation runs on a fresh thread with the JVM's default stack size, like the
 * service's event-loop and worker threads, and must finish within a bound far above what it needs (tens of
 * milliseconds), so that only quadratic work or a stack overflow can fail it.
 */
class LongChainTest {

    private static final int LENGTH = 10_000;
    private static final Duration BOUND = Duration.ofSeconds(20);

    /** Task {@code i} depends on {@code i - 1}, the numbers written as JSON numbers; listed in the given order. */
    private static List<TaskNode> chain(boolean reversed, String lastStatus) {
        List<TaskNode> tasks = new ArrayList<>();
        IntStream.rangeClosed(1, LENGTH).map(i -> reversed ? LENGTH + 1 - i : i).forEach(i -> tasks.add(TaskNode.task(
                String.valueOf(i), "Task " + i, i == LENGTH ? lastStatus : "done", "medium",
                i == 1 ? List.of() : List.of((long) i - 1), List.of())));
        return tasks;
    }

    /** The result of {@code work} on a new thread of default stack size, within {@link #BOUND}. */
    private static <T> T onFreshThread(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }, "long-chain");
        thread.start();
        try {
            return result.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("failed on a default-size stack: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new AssertionError("took longer than " + BOUND, e);
        }
    }

    @Test
    void validatesALongChainListedFromItsStart() throws Exception {
        assertThat(onFreshThread(() -> new DependencyGraph(chain(false, "pending")).problems())).isEmpty();
    }

    @Test
    void validatesALongChainListedFromItsEnd() throws Exception {
        // The first task checked reaches all 9,999 others: the cycle search walks the whole chain at once.
        assertThat(onFreshThread(() -> new DependencyGraph(chain(true, "pending")).problems())).isEmpty();
    }

    @Test
    void reportsEveryTaskOfALongChainThatLeadsIntoACycle() throws Exception {
        List<TaskNode> tasks = new ArrayList<>(chain(true, "pending"));
        tasks.set(LENGTH - 1, TaskNode.task("1", "Task 1", "pending", "medium", List.of(2L), List.of())); // 1 <-> 2
        List<DependencyProblem> problems = onFreshThread(() -> new DependencyGraph(tasks).problems());
        assertThat(problems).hasSize(LENGTH).allMatch(p -> p.kind() == Kind.CIRCULAR);
        assertThat(problems.getFirst().taskId()).isEqualTo(String.valueOf(LENGTH));
    }

    @Test
    void findsTheCycleALongChainWouldClose() throws Exception {
        Optional<List<String>> cycle = onFreshThread(() -> new DependencyGraph(chain(true, "pending"))
                .findCycle("1", String.valueOf(LENGTH)));
        assertThat(cycle).hasValueSatisfying(path -> assertThat(path).hasSize(LENGTH + 1)
                .startsWith("1", String.valueOf(LENGTH)).endsWith("2", "1"));
    }

    @Test
    void choosesTheNextTaskOfALongChain() throws Exception {
        assertThat(onFreshThread(() -> new NextTaskRule().next(chain(true, "pending"))).map(TaskNode::id))
                .contains(String.valueOf(LENGTH));
        List<TaskNode> allPending = chain(false, "pending").stream()
                .map(t -> new TaskNode(t.id(), t.title(), "pending", t.priority(), t.dependencies(), t.subtasks())).toList();
        assertThat(onFreshThread(() -> new NextTaskRule().next(allPending)).map(TaskNode::id)).contains("1");
    }

    @Test
    void drawsALongChain() throws Exception {
        String mermaid = onFreshThread(() -> new DependencyGraph(chain(false, "pending")).toMermaid());
        assertThat(mermaid.lines().filter(line -> line.contains(" --> "))).hasSize(LENGTH - 1);
        assertThat(mermaid).contains("    t_9999 --> t_10000\n");
    }
}
