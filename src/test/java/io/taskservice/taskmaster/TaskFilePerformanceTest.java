package io.taskservice.taskmaster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskservice.support.TaskMasterFiles;
import io.taskservice.support.TaskMasterFiles.Fixture;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Measures reading and writing a large file; prints the times, asserts only the result. */
class TaskFilePerformanceTest {

    /** About the size of the largest real file. */
    static final int LARGE_FILE_BYTES = 1_500_000;

    @Test
    void readsAndWritesALargeFileMadeOfTheProjectFixtures() {
        measure("project fixtures, repeated", largeFileOfProjectFixtures());
    }

    /** The largest real file (1.5 MB); skipped when the real files are not configured. */
    @Test
    void readsAndWritesTheLargestRealFile() {
        measure("real claude-task-master", TaskMasterFiles.real("claude-task-master").bytes());
    }

    /**
     * Every tag of every project fixture (a legacy file as its tag {@code master}), again and again under fresh tag
     * names, until the file is as large as the largest real one.
     */
    static byte[] largeFileOfProjectFixtures() {
        ObjectNode large = TaskMasterFixtures.JSON.createObjectNode();
        try {
            byte[] written = {};
            for (int round = 1; written.length < LARGE_FILE_BYTES; round++) {
                for (Fixture fixture : TaskMasterFiles.project()) {
                    JsonNode file = TaskMasterFixtures.tree(fixture.bytes());
                    if (file.path(TaskList.TASKS).isArray()) {
                        file = TaskMasterFixtures.JSON.createObjectNode().set(TaskFile.LEGACY_TAG, file);
                    }
                    for (Map.Entry<String, JsonNode> tag : file.properties()) {
                        large.set(fixture.name() + "-" + round + "-" + tag.getKey(), tag.getValue());
                    }
                }
                written = TaskMasterFixtures.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(large);
            }
            return written;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void measure(String name, byte[] json) {
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
                name, json.length, file.tags().stream().mapToInt(TaskList::recordCount).sum(),
                firstRead / 1e6, firstWriteTime / 1e6, reads / 1e6 / rounds, writes / 1e6 / rounds, rounds);
        assertThat(file).isEqualTo(first);
        assertThat(firstWrite).isNotEmpty();
    }
}
