package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.ForwardResult;
import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

public interface SendUpstreamPort {
    /**
     * Sends the request to the named service: {@link ForwardResult.Answered} with its answer,
     * {@link ForwardResult.Unavailable} or {@link ForwardResult.TimedOut} when it cannot answer.
     */
    CompletionStage<ForwardResult> send(String upstream, UpstreamRequest request);

    /** The same, with a timeout of its own instead of the upstream timeout (then {@link ForwardResult.TimedOut}). */
    CompletionStage<ForwardResult> send(String upstream, UpstreamRequest request, Duration timeout);
}
