package io.taskservice.api;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/**
 * How many API requests the service works on at once ({@link RequestAdmission}); docs/configuration.md explains
 * the default.
 */
@ConfigMapping(prefix = "task-service.admission")
public interface AdmissionSettings {

    /**
     * The most {@code /api} requests in flight at once; beyond it a request is answered 503 at once. Unset: four
     * per pooled connection ({@code quarkus.datasource.reactive.max-size}).
     */
    Optional<@Min(1) Integer> maxInFlight();
}
