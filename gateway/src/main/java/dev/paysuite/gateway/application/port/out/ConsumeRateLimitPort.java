package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.RateLimitDecision;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import java.util.concurrent.CompletionStage;

public interface ConsumeRateLimitPort {
    /** Counts one request in {@code bucket} if the policy has room, atomically for every gateway replica. */
    CompletionStage<RateLimitDecision> consume(String bucket, RateLimitPolicy policy);
}
