package io.taskservice.task.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link V8ArraySort} sorts like Node.js's {@code Array.prototype.sort}: correctly and stably for a total order, and
 * in exactly V8's order for Task Master's id comparator, which treats a slug ({@code NaN}) as equal to everything.
 */
class V8ArraySortTest {

    /** Task Master's id order: {@code (a, b) => Number(a) - Number(b)}, a NaN difference counting as 0. */
    private static final Comparator<String> JS_NUMBER_ORDER = (a, b) -> {
        double difference = TaskNode.JsValue.number(a) - TaskNode.JsValue.number(b);
        return Double.isNaN(difference) || difference == 0 ? 0 : difference < 0 ? -1 : 1;
    };

    private static String[] sorted(String... values) {
        String[] copy = values.clone();
        V8ArraySort.sort(copy, JS_NUMBER_ORDER);
        return copy;
    }

    @Test
    void leavesEmptyAndSingleArraysAlone() {
        assertThat(sorted()).isEmpty();
        assertThat(sorted("slug")).containsExactly("slug");
    }

    @Test
    void sortsLikeArraysSortForATotalOrder() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            Integer[] values = random.ints(random.nextInt(2_000), 0, round % 2 == 0 ? 20 : 1_000_000).boxed().toArray(Integer[]::new);
            if (round % 3 == 0) {
                Arrays.sort(values, 0, values.length / 2, Comparator.reverseOrder()); // long runs: galloping merges
            }
            Integer[] expected = values.clone();
            Arrays.sort(expected);
            V8ArraySort.sort(values, Comparator.naturalOrder());
            assertThat(values).containsExactly(expected);
        }
    }

    @Test
    void keepsEqualElementsInTheirOrder() {
        Random random = new Random(11);
        int[][] pairs = IntStream.range(0, 5_000).mapToObj(i -> new int[] {random.nextInt(10), i}).toArray(int[][]::new);
        V8ArraySort.sort(pairs, Comparator.comparingInt(pair -> pair[0]));
        for (int i = 1; i < pairs.length; i++) {
            boolean ordered = pairs[i - 1][0] < pairs[i][0] || pairs[i - 1][0] == pairs[i][0] && pairs[i - 1][1] < pairs[i][1];
            assertThat(ordered).as("position %d", i).isTrue();
        }
    }

    // The expected orders below were printed by Node.js 20.20.2: values.slice().sort((a, b) => Number(a) - Number(b)).

    @Test
    void slugsStopInsertionWhereNodeStopsThem() {
        assertThat(sorted("rust-data-models", "1")).containsExactly("rust-data-models", "1");
        assertThat(sorted("2", "slug", "1")).containsExactly("2", "slug", "1");
        String[] hundred = IntStream.rangeClosed(1, 100).map(i -> 101 - i)
                .mapToObj(n -> n % 7 == 0 ? "slug-" + n : String.valueOf(n)).toArray(String[]::new);
        assertThat(sorted(hundred)[0]).isEqualTo("51");
    }

    @Test
    void mergesTwoRunsWithSlugsAsNodeDoes() {
        // 70 elements: minimum run 35, so two runs sorted by binary insertion, then one merge.
        String[] values = IntStream.range(0, 70)
                .mapToObj(i -> i % 5 == 0 ? "s" + i : String.valueOf(i * 37 % 23)).toArray(String[]::new);
        assertThat(String.join(" ", sorted(values))).isEqualTo("s0 0 1 2 5 6 7 8 9 10 10 11 11 12 13 14 14 16 17 19 s5 15 15 19 "
                + "20 s10 16 21 s15 18 20 22 s20 s25 s30 s35 0 0 1 2 3 3 4 4 5 6 7 8 9 12 13 14 16 17 21 s40 15 17 18 21 22 "
                + "s45 19 s50 20 s55 s60 18 22 s65");
    }

    @Test
    void reversesDescendingRunsAndGallopsAsNodeDoes() {
        // 200 elements: a descending run of 100 (reversed in place), then ascending runs of 0..49, slugs throughout.
        String[] values = IntStream.range(0, 200)
                .mapToObj(i -> i % 9 == 4 ? "s" + i : String.valueOf(i < 100 ? 200 - i : i % 50)).toArray(String[]::new);
        assertThat(String.join(" ", sorted(values))).isEqualTo("152 153 154 155 156 157 158 159 161 162 163 164 165 166 167 "
                + "168 170 171 172 173 174 175 176 177 179 180 181 182 183 184 185 186 188 189 190 191 192 193 194 195 197 198 "
                + "199 200 s4 s13 s22 s31 s40 s49 101 102 103 104 105 107 108 109 110 111 112 113 114 116 117 118 119 120 121 "
                + "122 123 125 126 127 128 129 130 131 132 134 135 136 137 138 139 140 141 143 144 145 146 147 148 149 150 s58 "
                + "s67 s76 s85 s94 0 0 1 1 2 s103 2 3 4 4 5 5 6 6 7 8 9 10 11 s112 13 14 15 16 17 18 19 20 s121 22 23 24 25 26 "
                + "27 28 29 s130 31 32 33 34 35 36 37 38 s139 40 41 42 43 44 45 46 47 s148 49 s157 8 9 10 11 12 13 14 15 s166 "
                + "17 18 19 20 21 22 23 24 s175 26 27 28 29 30 31 32 33 s184 35 36 37 38 39 40 41 42 s193 44 45 46 47 48 49");
    }

    /** Many random arrays sorted here and by the {@code node} on the PATH; skipped when there is none. */
    @Test
    void agreesWithNodeOnRandomArrays(@TempDir Path work) throws Exception {
        assumeTrue(nodeVersion() != null, "node is not on the PATH");
        Random random = new Random(2_026);
        List<String[]> arrays = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            int slugPercent = i % 4 == 0 ? 0 : 30;
            arrays.add(IntStream.range(0, 1 + random.nextInt(400))
                    .mapToObj(n -> random.nextInt(100) < slugPercent ? "slug-" + n : String.valueOf(random.nextInt(60)))
                    .toArray(String[]::new));
        }
        ObjectMapper json = new ObjectMapper();
        Path input = work.resolve("arrays.json");
        json.writeValue(input.toFile(), arrays);
        Path script = Files.writeString(work.resolve("sort.js"), """
                const arrays = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
                process.stdout.write(JSON.stringify(arrays.map((a) => a.slice().sort((x, y) => Number(x) - Number(y)))));
                """);
        String[][] expected = json.readValue(run("node", script.toString(), input.toString()), String[][].class);
        for (int i = 0; i < arrays.size(); i++) {
            assertThat(sorted(arrays.get(i))).as("array %d: %s", i, Arrays.toString(arrays.get(i))).containsExactly(expected[i]);
        }
    }

    private static String nodeVersion() {
        try {
            return run("node", "--version");
        } catch (IOException | IllegalStateException e) {
            return null;
        }
    }

    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return output;
    }
}
