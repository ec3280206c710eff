package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.RateLimitBucket;
import dev.paysuite.gateway.application.domain.model.RateLimitDecision;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

public interface ConsumeRateLimitPort {
    /**
     * Counts one request in {@code bucket} if it has room, atomically for every gateway replica.
     * With a {@code guard}, the request is refused while the guard has no room, and the guard is
     * not counted. Never fails: when the counters cannot be reached the request is admitted.
     */
    CompletionStage<RateLimitDecision> consume(RateLimitBucket bucket, Optional<RateLimitBucket> guard);
}
