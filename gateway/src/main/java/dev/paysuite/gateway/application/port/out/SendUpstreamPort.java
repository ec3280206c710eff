package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.ForwardResult;
import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

public interface SendUpstreamPort {
    /**
     * Sends the request to the named service: {@link ForwardResult.Answered} with its answer,
     * {@link ForwardResult.Unavailable} or {@link ForwardResult.TimedOut} when it cannot answer.
     * An answer {@link dev.paysuite.gateway.application.domain.model.ForwardingRules#isStreamed streamed}
     * (Server-Sent Events) is {@link ForwardResult.Streaming} as soon as its headers are in: the upstream
     * timeout bounds the wait for them, never the body, which the caller must open or cancel.
     */
    CompletionStage<ForwardResult> send(String upstream, UpstreamRequest request);

    /**
     * The same, with a timeout of its own instead of the upstream timeout (then {@link ForwardResult.TimedOut}),
     * for a call whose answer the gateway reads itself: it bounds the whole exchange, and the answer is
     * always read whole ({@link ForwardResult.Answered}), never streamed.
     */
    CompletionStage<ForwardResult> send(String upstream, UpstreamRequest request, Duration timeout);
}
