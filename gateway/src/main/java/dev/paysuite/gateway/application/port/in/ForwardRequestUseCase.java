package dev.paysuite.gateway.application.port.in;

import dev.paysuite.gateway.application.domain.model.ForwardResult;
import java.util.concurrent.CompletionStage;

public interface ForwardRequestUseCase {
    /**
     * Sends an admitted request to the service its path routes to, with the caller's identity as
     * a token the service verifies instead of the client's credentials.
     */
    CompletionStage<ForwardResult> forward(ForwardRequestCommand command);
}
