package io.taskservice.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long an {@code Idempotency-Key} is remembered, and how often forgotten keys are deleted. */
@ConfigMapping(prefix = "task-service.idempotency")
public interface IdempotencySettings {

    /** How long a key replays its first answer; afterwards the same key executes the request again. */
    @WithDefault("24h")
    Duration ttl();

    /** How often expired keys are deleted (keys are also replaced on access once expired). */
    @WithDefault("1h")
    Duration purgeInterval();
}
