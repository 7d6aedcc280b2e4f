package io.taskservice.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body that replaces a project's name and description. */
public record ProjectUpdate(@NotBlank @Size(max = 200) String name, @Size(max = 10_000) String description) {
}
