package dev.paysuite.gateway.application.port.in;

import dev.paysuite.gateway.application.domain.model.UpstreamResponse;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A public page of the suite (a payment link's page {@code /pay/...}, a 3-D Secure challenge
 * {@code /3ds/...}): no API key, counted against the client's address, forwarded to payments-service
 * with the public identity token; a card typed on a link's page is exchanged with the vault first.
 */
public interface ServeHostedPageUseCase {
    record PageRequest(String method, String pathAndQuery, String contentType, byte[] body, String clientAddress,
            String requestId) {
        public PageRequest {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pathAndQuery, "pathAndQuery");
            Objects.requireNonNull(clientAddress, "clientAddress");
            Objects.requireNonNull(requestId, "requestId");
            body = body == null ? new byte[0] : body;
        }
    }

    /** The page to answer; never fails (an outage is a page saying so). */
    CompletionStage<UpstreamResponse> serve(PageRequest request);
}
