package dev.paysuite.gateway.application.port.in;

import dev.paysuite.gateway.application.domain.model.Admission;
import java.util.concurrent.CompletionStage;

public interface AdmitRequestUseCase {
    /**
     * Authenticates the request's API key and counts the request against the key's rate limit
     * only, or against its client address when it has no valid key. Never fails for a refusal:
     * the admission says why.
     */
    CompletionStage<Admission> admit(AdmitRequestCommand command);
}
