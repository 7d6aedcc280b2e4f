import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Writes the benchmark's tasks.json files: one tagged file per tag, the same bytes for the same seed.
 *
 * <pre>java GenerateTasks.java OUT_DIR SEED TAG:TASKS[:MAX_SUBTASKS] ...</pre>
 *
 * Each task has a title of about 40 characters, a description of about 200, details of about 800 and a test
 * strategy; mixed statuses and priorities; 0 to MAX_SUBTASKS (default 4) subtasks, with dependencies on earlier
 * siblings; and 0 to 3
 * dependencies on earlier tasks of the tag. A file is written compact (no indentation), as
 * {@code {"<tag>":{"tasks":[...],"metadata":{...}}}}, to OUT_DIR/TAG.tasks.json.
 */
public class GenerateTasks {

    private static final String[] WORDS = ("account api audit backend billing browser build cache catalogue "
            + "checkout client cluster config connection container cursor dashboard database deploy dependency "
            + "document endpoint error event export feature filter flow gateway graph handler health import index "
            + "invoice job key layout limit list log login memory metric migration model module monitor network "
            + "notification order page parser payment permission pipeline pool profile query queue rate record "
            + "release report request retry role route schema search server service session shipping signup sort "
            + "storage stream tag task template test timeout token trace upload user validation version webhook "
            + "worker").split(" ");
    private static final String[] VERBS = ("add build cache check clean configure create define design document "
            + "enable extract fix handle implement improve measure migrate move refactor remove rename replace "
            + "review split support test update validate verify wire write").split(" ");
    // Weights out of 100, roughly what a project half-way through looks like.
    private static final String[] STATUSES = {"pending", "done", "in-progress", "review", "deferred", "blocked", "cancelled"};
    private static final int[] STATUS_WEIGHTS = {50, 27, 8, 5, 5, 3, 2};
    private static final String[] PRIORITIES = {"medium", "high", "low", "critical"};
    private static final int[] PRIORITY_WEIGHTS = {50, 30, 15, 5};

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java GenerateTasks.java OUT_DIR SEED TAG:TASKS[:MAX_SUBTASKS] ...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        Files.createDirectories(out);
        for (int i = 2; i < args.length; i++) {
            String[] spec = args[i].split(":");
            String tag = spec[0];
            int tasks = Integer.parseInt(spec[1]);
            int maxSubtasks = spec.length > 2 ? Integer.parseInt(spec[2]) : 4;
            Path file = out.resolve(tag + ".tasks.json");
            long started = System.nanoTime();
            int subtasks = write(file, tag, tasks, maxSubtasks, new SplittableRandom(seed * 31 + tag.hashCode()));
            System.err.printf("%s: %d tasks, %d subtasks, %d bytes, %.1f s%n", file, tasks, subtasks,
                    Files.size(file), (System.nanoTime() - started) / 1e9);
        }
    }

    private static int write(Path file, String tag, int tasks, int maxSubtasks, SplittableRandom random) throws IOException {
        int subtaskCount = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{" + quote(tag) + ":{\"tasks\":[");
            for (int id = 1; id <= tasks; id++) {
                if (id > 1) {
                    w.write(',');
                }
                StringBuilder t = new StringBuilder(2400);
                t.append("{\"id\":").append(id);
                t.append(",\"title\":").append(quote(title(random, 40)));
                t.append(",\"description\":").append(quote(text(random, 200)));
                t.append(",\"status\":").append(quote(pick(random, STATUSES, STATUS_WEIGHTS)));
                t.append(",\"dependencies\":[");
                // 0-3 dependencies on earlier tasks, mostly recent ones (as plans are written).
                int deps = id == 1 ? 0 : Math.min(id - 1, random.nextInt(4));
                int[] chosen = new int[deps];
                for (int d = 0; d < deps; d++) {
                    int dep;
                    boolean repeat;
                    do {
                        dep = Math.max(1, id - 1 - random.nextInt(Math.min(id - 1, 50)));
                        repeat = false;
                        for (int c = 0; c < d; c++) {
                            repeat |= chosen[c] == dep;
                        }
                    } while (repeat);
                    chosen[d] = dep;
                    t.append(d > 0 ? "," : "").append(dep);
                }
                t.append("],\"priority\":").append(quote(pick(random, PRIORITIES, PRIORITY_WEIGHTS)));
                t.append(",\"details\":").append(quote(text(random, 800)));
                t.append(",\"testStrategy\":").append(quote(text(random, 160)));
                t.append(",\"subtasks\":[");
                int subs = random.nextInt(maxSubtasks + 1);
                subtaskCount += subs;
                for (int s = 1; s <= subs; s++) {
                    t.append(s > 1 ? "," : "");
                    t.append("{\"id\":").append(s);
                    t.append(",\"title\":").append(quote(title(random, 32)));
                    t.append(",\"description\":").append(quote(text(random, 100)));
                    t.append(",\"dependencies\":[").append(s > 1 && random.nextBoolean() ? String.valueOf(s - 1) : "");
                    t.append("],\"details\":").append(quote(text(random, 240)));
                    t.append(",\"status\":").append(quote(pick(random, STATUSES, STATUS_WEIGHTS)));
                    t.append('}');
                }
                t.append("]}");
                w.write(t.toString());
            }
            w.write("],\"metadata\":{\"created\":\"2025-01-01T00:00:00.000Z\",\"updated\":\"2025-01-01T00:00:00.000Z\","
                    + "\"description\":" + quote("benchmark tag " + tag + ", " + tasks + " tasks") + "}}}");
        }
        return subtaskCount;
    }

    private static String title(SplittableRandom random, int length) {
        StringBuilder s = new StringBuilder(length + 16);
        String verb = VERBS[random.nextInt(VERBS.length)];
        s.append(Character.toUpperCase(verb.charAt(0))).append(verb, 1, verb.length());
        while (s.length() < length - 4) {
            s.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    /** Sentences of vocabulary words, about {@code length} characters (±10 %). */
    private static String text(SplittableRandom random, int length) {
        int target = length - length / 10 + random.nextInt(length / 5 + 1);
        StringBuilder s = new StringBuilder(target + 16);
        boolean sentenceStart = true;
        while (s.length() < target) {
            String word = sentenceStart ? VERBS[random.nextInt(VERBS.length)] : WORDS[random.nextInt(WORDS.length)];
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(sentenceStart ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            sentenceStart = random.nextInt(9) == 0;
            if (sentenceStart) {
                s.append('.');
            }
        }
        if (!sentenceStart) {
            s.append('.');
        }
        return s.toString();
    }

    private static String pick(SplittableRandom random, String[] values, int[] weights) {
        int r = random.nextInt(100);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[0];
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
