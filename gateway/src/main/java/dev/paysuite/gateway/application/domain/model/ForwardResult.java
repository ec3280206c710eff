package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;

/** How forwarding a request ended. */
public sealed interface ForwardResult {

    /** The service answered (with whatever status: its answer goes back as it is). */
    record Answered(String upstream, UpstreamResponse response) implements ForwardResult {
        public Answered {
            Objects.requireNonNull(upstream, "upstream");
            Objects.requireNonNull(response, "response");
        }
    }

    /** No route matches the path. */
    record NoRoute() implements ForwardResult {
    }

    /** The service could not be reached, or dropped the connection before answering. */
    record Unavailable(String upstream) implements ForwardResult {
    }

    /** The service did not answer within the upstream timeout. */
    record TimedOut(String upstream) implements ForwardResult {
    }
}
