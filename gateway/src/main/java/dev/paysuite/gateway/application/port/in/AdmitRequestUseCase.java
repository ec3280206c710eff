package dev.paysuite.gateway.application.port.in;

import dev.paysuite.gateway.application.domain.model.Admission;
import java.util.concurrent.CompletionStage;

public interface AdmitRequestUseCase {
    /**
     * Authenticates the API key in the Authorization header and counts the request against its
     * rate limit (against the client address's when there is no valid key).
     */
    CompletionStage<Admission> admit(String authorizationHeader, String clientAddress);
}
