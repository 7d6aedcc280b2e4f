package io.taskservice.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of a request that creates a project. */
public record NewProject(
        @NotBlank @Size(max = KEY_MAX_LENGTH) @Pattern(regexp = KEY_PATTERN, message = KEY_RULE) String key,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 10_000) String description) {

    public static final String KEY_PATTERN = "[a-z0-9][a-z0-9._-]*";
    public static final int KEY_MAX_LENGTH = 64;
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile(KEY_PATTERN);
    public static final String KEY_RULE = "must start with a lower-case letter or digit and contain only a-z, 0-9, '.', '_' and '-'";

    /** The rules above for a key that does not come in a request body (a path, an import). */
    public static boolean isValidKey(String key) {
        return key != null && key.length() <= KEY_MAX_LENGTH && KEY.matcher(key).matches();
    }
}
