package io.taskservice.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body that adds a dependency: the task or subtask id this task will wait for ("3", "3.1"). */
public record NewDependency(@NotBlank @Size(max = 201) String dependsOn) {
}
