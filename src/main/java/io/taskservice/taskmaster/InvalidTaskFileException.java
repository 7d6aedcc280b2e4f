package io.taskservice.taskmaster;

import java.util.List;

/** A {@code tasks.json} that cannot be read; carries every problem found, in file order. */
public class InvalidTaskFileException extends RuntimeException {

    private final transient List<TaskFileProblem> problems;

    public InvalidTaskFileException(List<TaskFileProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<TaskFileProblem> problems() {
        return problems;
    }

    private static String summary(List<TaskFileProblem> problems) {
        if (problems.isEmpty()) {
            return "invalid tasks.json";
        }
        String first = problems.getFirst().toString();
        return problems.size() == 1
                ? "invalid tasks.json: " + first
                : "invalid tasks.json, " + problems.size() + " problems; first: " + first;
    }
}
