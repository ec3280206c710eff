package dev.paysuite.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A real OTLP/HTTP receiver (protobuf, {@code POST /v1/traces}) that the suite's services export
 * their spans to, started before them and kept for the whole run so that no service ever logs an
 * unreachable collector. It decodes each export with the protocol's generated classes and keeps the
 * spans in memory (the newest {@value #KEPT}; a run of every test makes far fewer), for tests to
 * read a trace back as the services reported it.
 */
final class OtlpReceiver implements AutoCloseable {
    static final int KEPT = 200_000;
    private static final HexFormat HEX = HexFormat.of();

    /** One span as exported: ids in lower-case hex, the parent's empty for a root. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
            Span.SpanKind kind, Map<String, String> attributes, Status.StatusCode status) {

        boolean isRoot() {
            return parentSpanId.isEmpty();
        }

        @Override
        public String toString() {
            return service + " " + kind.name().replace("SPAN_KIND_", "") + " '" + name + "' " + spanId + " <- "
                    + (isRoot() ? "(root)" : parentSpanId);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "otlp-receiver");
        t.setDaemon(true);
        return t;
    });
    private final ArrayDeque<ReceivedSpan> spans = new ArrayDeque<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/v1/traces", receiver::receive);
        server.setExecutor(receiver.threads);
        server.start();
        return receiver;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The spans of one trace received so far. */
    synchronized List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    /** Every span received so far that {@code service} reported with this attribute. */
    synchronized List<ReceivedSpan> withAttribute(String service, String key, String value) {
        return spans.stream().filter(s -> s.service().equals(service) && value.equals(s.attributes().get(key)))
                .toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            ExportTraceServiceRequest request;
            try {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException notOtlp) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            keep(request);
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private synchronized void keep(ExportTraceServiceRequest request) {
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String service = attributes(resourceSpans.getResource()).getOrDefault("service.name", "?");
            for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
                for (Span s : scope.getSpansList()) {
                    spans.addLast(new ReceivedSpan(service, HEX.formatHex(s.getTraceId().toByteArray()),
                            HEX.formatHex(s.getSpanId().toByteArray()), HEX.formatHex(s.getParentSpanId().toByteArray()),
                            s.getName(), s.getKind(), attributes(s.getAttributesList()), s.getStatus().getCode()));
                    if (spans.size() > KEPT) {
                        spans.removeFirst();
                    }
                }
            }
        }
    }

    private static Map<String, String> attributes(Resource resource) {
        return attributes(resource.getAttributesList());
    }

    private static Map<String, String> attributes(List<KeyValue> list) {
        Map<String, String> attributes = new HashMap<>();
        for (KeyValue kv : list) {
            AnyValue v = kv.getValue();
            attributes.put(kv.getKey(), switch (v.getValueCase()) {
                case STRING_VALUE -> v.getStringValue();
                case INT_VALUE -> Long.toString(v.getIntValue());
                case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
                case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
                default -> v.toString().trim();
            });
        }
        return attributes;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
