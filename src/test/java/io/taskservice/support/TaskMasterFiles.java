package io.taskservice.support;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Task Master {@code *.tasks.json} files the tests read: the project's own, in
 * {@code src/test/resources/taskmaster} (always there, see the README beside them), and the real files from public
 * repositories, only where the system property {@code taskmaster.fixtures} or the variable
 * {@code TASKMASTER_FIXTURES} names their folder ({@code .ci/run} does). Tests on the real files are skipped with a
 * message when neither is set, so a fresh clone needs nothing outside the repository.
 */
public final class TaskMasterFiles {

    public static final String PROPERTY = "taskmaster.fixtures";
    public static final String VARIABLE = "TASKMASTER_FIXTURES";
    static final String NOT_CONFIGURED = "real Task Master files not configured: set " + VARIABLE + " or -D" + PROPERTY
            + " to their folder (e.g. ../shared/fixtures/taskmaster) to run this test on them too";

    private static final String SUFFIX = ".tasks.json";

    private TaskMasterFiles() {
    }

    /** One fixture file; its name (set and file name) is what a parameterized test shows. */
    public record Fixture(String set, String name, Path location) {

        /**
         * The file. For the stand-in of unconfigured real files ({@link #real()}) this aborts the calling test,
         * so it shows as skipped with the reason.
         */
        public Path file() {
            if (location == null) {
                abort(NOT_CONFIGURED);
            }
            return location;
        }

        public byte[] bytes() {
            try {
                return Files.readAllBytes(file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return set + "/" + name;
        }
    }

    /** The project's own fixtures, by name. */
    public static List<Fixture> project() {
        URL folder = TaskMasterFiles.class.getResource("/taskmaster");
        if (folder == null) {
            throw new IllegalStateException("no taskmaster/ folder on the test classpath (src/test/resources/taskmaster)");
        }
        try {
            return list("project", Path.of(folder.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The real files, by name, when configured; otherwise one stand-in whose {@link Fixture#file()} skips the test,
     * so that a parameterized test over {@code project() + real()} reports the skip instead of silently running
     * fewer cases.
     */
    public static List<Fixture> real() {
        Path folder = realFolder();
        return folder == null ? List.of(new Fixture("real", "not configured", null)) : list("real", folder);
    }

    /** The project's fixtures, then the real ones (or the stand-in that skips). */
    public static List<Fixture> all() {
        List<Fixture> all = new ArrayList<>(project());
        all.addAll(real());
        return all;
    }

    public static Fixture project(String name) {
        return named(project(), name);
    }

    /** A real file by name; skips the calling test when the real files are not configured. */
    public static Fixture real(String name) {
        Path folder = realFolder();
        if (folder == null) {
            abort(NOT_CONFIGURED);
        }
        return named(list("real", folder), name);
    }

    /** The configured folder of real files, {@code null} when none is configured; a configured folder must exist. */
    static Path realFolder() {
        String configured = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        if (configured == null || configured.isBlank()) {
            return null;
        }
        Path folder = Path.of(configured);
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException(VARIABLE + " / -D" + PROPERTY + " names " + folder + ", which is not a folder");
        }
        return folder;
    }

    private static Fixture named(List<Fixture> fixtures, String name) {
        return fixtures.stream().filter(fixture -> fixture.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no fixture " + name + " in " + fixtures));
    }

    private static List<Fixture> list(String set, Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Fixture> fixtures = files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted()
                    .map(file -> new Fixture(set, nameOf(file), file)).toList();
            if (fixtures.isEmpty()) {
                throw new IllegalStateException("no *" + SUFFIX + " in " + folder);
            }
            return fixtures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nameOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }
}
