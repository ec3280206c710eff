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

    /**
     * The service answered with a stream (Server-Sent Events, {@link ForwardingRules#isStreamed}):
     * its status and headers are in, its body flows as it comes, for as long as the service keeps it
     * open. The upstream timeout bounded the wait for the headers only. Whoever gets this result must
     * open or cancel the body, or the connection to the service stays taken.
     */
    record Streaming(String upstream, int status, Headers headers, StreamedBody body) implements ForwardResult {
        public Streaming {
            Objects.requireNonNull(upstream, "upstream");
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
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

    /**
     * Refused by the gateway before anything was forwarded (an inline card it cannot exchange, or
     * whose details the vault refused): answered as the error object, naming {@code param}.
     */
    record Refused(int status, String type, String code, String message, String param) implements ForwardResult {
        public Refused {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * An inline card could not be exchanged for a token, so nothing was forwarded and nothing
     * charged: the vault was unavailable, too slow or failing ({@code defect} false), or answered
     * what the gateway's call should never get ({@code defect} true).
     */
    record CardNotTokenized(String upstream, boolean defect) implements ForwardResult {
    }
}
