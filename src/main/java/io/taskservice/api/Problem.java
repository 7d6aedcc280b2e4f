package io.taskservice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.taskservice.error.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type stable identifier of the kind of problem, documented in docs/api.md
 * @param errors for validation problems, the fields that failed and why
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
