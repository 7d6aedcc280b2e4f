package io.taskservice.task;

import io.taskservice.error.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * Task Master's id of a task ({@code 21}, {@code rust-data-models}) or subtask ({@code 21.2},
 * {@code parent-slug.child-slug}): the key within its level, and the parent's key for a subtask.
 */
public record TaskId(String parentKey, String key) {

    /** One level's key, as the schema allows it. */
    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    /** @throws InvalidRequestException naming {@code field} when the text is not a task or subtask id */
    public static TaskId parse(String field, String text) {
        int dot = text == null ? -1 : text.indexOf('.');
        String parent = dot < 0 ? null : text.substring(0, dot);
        String key = dot < 0 ? text : text.substring(dot + 1);
        if (key == null || !KEY.matcher(key).matches() || parent != null && !KEY.matcher(parent).matches()) {
            throw new InvalidRequestException(field, "must be a task id such as 21 or rust-data-models, or a subtask id such as 21.2");
        }
        return new TaskId(parent, key);
    }

    public boolean isSubtask() {
        return parentKey != null;
    }

    @Override
    public String toString() {
        return parentKey == null ? key : parentKey + "." + key;
    }
}
