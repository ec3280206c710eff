package dev.paysuite.gateway.application.port.in;

import dev.paysuite.gateway.application.domain.model.Caller;
import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import dev.paysuite.gateway.application.domain.model.UpstreamResponse;
import java.util.concurrent.CompletionStage;

public interface ForwardRequestUseCase {
    /**
     * Sends an admitted request to the service its path routes to, with the caller's identity as
     * a token the service verifies. Fails with an UpstreamException when there is no route or the
     * service cannot answer.
     */
    CompletionStage<UpstreamResponse> forward(Caller caller, String path, UpstreamRequest request);
}
