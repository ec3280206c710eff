package dev.paysuite.webhooks.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A merchant's webhook receiver on 127.0.0.1 (JDK HttpServer): every request to a path is kept
 * (headers lower-cased, body, when), and each path answers by a rule of the request's number there
 * (1, 2, ...), optionally after a delay. Requests are served side by side.
 */
public final class TestReceiver implements AutoCloseable, AfterAllCallback {

    /** One request as received. */
    public record Received(String path, Map<String, List<String>> headers, String body, Instant at, int answered) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private record Rule(IntUnaryOperator status, IntUnaryOperator delayMs, IntUnaryOperator bodyBytes) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** A receiver a test class holds with {@code @RegisterExtension}: closed after its tests. */
    public static TestReceiver open() {
        try {
            return new TestReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int n = counts.merge(path, 1, Integer::sum);
            Rule rule = rules.getOrDefault(path, new Rule(i -> 200, i -> 0, i -> 0));
            int status = rule.status().applyAsInt(n);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
            long delay = rule.delayMs().applyAsInt(n);
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            received.add(new Received(path, headers, new String(body, StandardCharsets.UTF_8), Instant.now(), status));
            int size = rule.bodyBytes().applyAsInt(n);
            byte[] answer = size > 0 ? "x".repeat(size).getBytes(StandardCharsets.UTF_8)
                    : "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            if (status >= 300 && status < 400) {
                exchange.getResponseHeaders().add("Location", "/redirected" + path);
            }
            try {
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (IOException closedByTheClient) {
                // the sender stops reading past its bound, or gave up (timeout)
            }
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    /** Answers {@code status.applyAsInt(n)} to the n-th request on {@code path}, after {@code delayMs}. */
    public TestReceiver on(String path, IntUnaryOperator status, long delayMs) {
        return on(path, status, n -> (int) delayMs, n -> 0);
    }

    /** Per request number: the status, the delay before answering and the size of the answer's body (0: a small JSON). */
    public TestReceiver on(String path, IntUnaryOperator status, IntUnaryOperator delayMs, IntUnaryOperator bodyBytes) {
        rules.put(path, new Rule(status, delayMs, bodyBytes));
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
