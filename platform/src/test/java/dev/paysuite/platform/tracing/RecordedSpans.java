package dev.paysuite.platform.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every span the platform's test application ends, kept in memory (the test profile exports none):
 * Quarkus adds each {@link SpanProcessor} bean to its tracer provider.
 */
@Singleton
public class RecordedSpans implements SpanProcessor {
    private final List<SpanData> ended = new CopyOnWriteArrayList<>();

    /** The ended span with this id, if it ended yet. */
    public Optional<SpanData> withId(String spanId) {
        return ended.stream().filter(s -> s.getSpanId().equals(spanId)).findFirst();
    }

    /** The ended spans of one trace. */
    public List<SpanData> ofTrace(String traceId) {
        return ended.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        ended.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
