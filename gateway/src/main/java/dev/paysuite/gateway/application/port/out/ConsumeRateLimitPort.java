package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.RateLimitBucket;
import dev.paysuite.gateway.application.domain.model.RateLimitDecision;
import java.util.concurrent.CompletionStage;

public interface ConsumeRateLimitPort {
    /**
     * Counts one request in {@code bucket} if both its windows have room, atomically for every
     * gateway replica; a refused request is not counted. Never fails: when the counters cannot be
     * reached the request is admitted.
     */
    CompletionStage<RateLimitDecision> consume(RateLimitBucket bucket);
}
