package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import dev.paysuite.gateway.application.domain.model.UpstreamResponse;
import java.util.concurrent.CompletionStage;

public interface SendUpstreamPort {
    /** Sends the request to the named service; fails with an UpstreamException if it cannot answer. */
    CompletionStage<UpstreamResponse> send(String upstream, UpstreamRequest request);
}
