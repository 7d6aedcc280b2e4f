package io.taskservice.tag;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body that creates a tag or replaces its name and description (a new name renames it). */
public record TagInput(
        @NotBlank @Size(max = 100) @Pattern(regexp = NAME_PATTERN, message = NAME_RULE) String name,
        @Size(max = 10_000) String description) {

    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";
    public static final String NAME_RULE = "must start with a letter or digit and contain only letters, digits, '.', '_' and '-'";
}
