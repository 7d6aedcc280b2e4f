package io.taskservice.taskmaster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Measures reading and writing the largest real file (1.5 MB); prints the times, asserts only the result. */
class TaskFilePerformanceTest {

    @Test
    void readsAndWritesTheLargestFixture() {
        Path fixture = TaskMasterFixtures.named("claude-task-master");
        byte[] json = TaskMasterFixtures.bytes(fixture);
        TaskFileReader reader = new TaskFileReader();
        TaskFileWriter writer = new TaskFileWriter();

        long start = System.nanoTime();
        TaskFile first = reader.read(json);
        long firstRead = System.nanoTime() - start;
        start = System.nanoTime();
        byte[] firstWrite = writer.write(first);
        long firstWriteTime = System.nanoTime() - start;

        int rounds = 20;
        long reads = 0;
        long writes = 0;
        TaskFile file = first;
        for (int i = 0; i < rounds; i++) {
            start = System.nanoTime();
            file = reader.read(json);
            reads += System.nanoTime() - start;
            start = System.nanoTime();
            writer.write(file);
            writes += System.nanoTime() - start;
        }

        System.out.printf("taskmaster: %s (%d bytes, %d records): first read %.1f ms, first write %.1f ms;"
                        + " warm read %.1f ms, warm write %.1f ms (mean of %d)%n",
                fixture.getFileName(), json.length, file.tags().stream().mapToInt(TaskList::recordCount).sum(),
                firstRead / 1e6, firstWriteTime / 1e6, reads / 1e6 / rounds, writes / 1e6 / rounds, rounds);
        assertThat(file).isEqualTo(first);
        assertThat(firstWrite).isNotEmpty();
    }
}
