package io.taskservice.taskmaster;

/**
 * One reason a {@code tasks.json} was refused. {@code tag} and {@code taskId} (the full id, {@code "3.1"} for a
 * subtask) are {@code null} when the problem is above them; {@code field} names the key, with a position where
 * the record has no usable id ({@code tasks[4].title}, {@code dependencies[2]}).
 */
public record TaskFileProblem(String tag, String taskId, String field, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (tag != null) {
            text.append("tag '").append(tag).append("'");
        }
        if (taskId != null) {
            text.append(text.isEmpty() ? "" : ", ").append("task ").append(taskId);
        }
        if (field != null) {
            text.append(text.isEmpty() ? "" : ", ").append(field);
        }
        return text.isEmpty() ? message : text + ": " + message;
    }
}
