package dev.paysuite.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A trace context kept in a table, as its W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}),
 * for work that continues a trace later and on another thread than the one that started it: the
 * outbox relay's producer span, a webhook delivery made by the worker. Only the parent is kept
 * ({@code tracestate} and baggage are not), which is all a child span needs.
 */
public final class TraceContexts {
    static final String TRACEPARENT = "traceparent";
    /** Longer than today's 55 characters, in case a later version of the header adds fields. */
    public static final int MAX_LENGTH = 128;

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContexts() {
    }

    /** The current span's context as a {@code traceparent}; empty outside any trace. */
    public static Optional<String> current() {
        return of(Context.current());
    }

    /** {@code context}'s span as a {@code traceparent}; empty when it has no valid span. */
    public static Optional<String> of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        String traceparent = carrier.get(TRACEPARENT);
        return traceparent == null || traceparent.length() > MAX_LENGTH ? Optional.empty() : Optional.of(traceparent);
    }

    /**
     * A context whose parent is the remote span {@code traceparent} names, to start a child span in;
     * the root context (a new trace) when it is null or not a valid {@code traceparent}.
     */
    public static Context parent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP);
    }
}
