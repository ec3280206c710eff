package dev.paysuite.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The services behind the gateway, for tests: real HTTP servers on free ports, configured as the
 * gateway's upstreams. Each records what it received (by the gateway's Request-Id) and answers:
 * <ul>
 * <li>{@code .../hang}: never (the gateway's upstream timeout is 5 s here: long enough for a busy machine);</li>
 * <li>{@code .../drop}: closes the connection without an answer;</li>
 * <li>{@code .../declined}: 402 with a service's own error object;</li>
 * <li>anything else: 201 echoing the method, URI and body, with headers a gateway must pass back
 *     ({@code X-Stub}, {@code Idempotent-Replayed}) and headers it must not (hop-by-hop ones, and
 *     {@code Request-Id} and {@code X-RateLimit-*}, which the gateway sets itself).</li>
 * </ul>
 * The {@code refunds} upstream lists a dead instance before the live one; the {@code down} upstream
 * (route {@code /v1/down...}) has no live instance at all.
 */
public class StubUpstream implements QuarkusTestResourceLifecycleManager {

    /** A request as a service received it. Header names are case-insensitive. */
    public record Received(String upstream, String method, String uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private static final Map<String, Received> BY_REQUEST_ID = new ConcurrentHashMap<>();
    private static final List<Received> ALL = Collections.synchronizedList(new ArrayList<>());
    private Vertx vertx;

    /** What a service received for the gateway request with this Request-Id; fails if nothing arrived. */
    public static Received received(String requestId) {
        Received received = BY_REQUEST_ID.get(requestId);
        if (received == null) {
            throw new AssertionError("No service received request " + requestId);
        }
        return received;
    }

    public static boolean wasForwarded(String requestId) {
        return BY_REQUEST_ID.containsKey(requestId);
    }

    /** How many requests whose URI contains {@code marker} reached a service. */
    public static long receivedWith(String marker) {
        synchronized (ALL) {
            return ALL.stream().filter(r -> r.uri().contains(marker)).count();
        }
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int payments = listen("payments");
        int refunds = listen("refunds");
        return Map.of(
                "paysuite.gateway.upstreams.payments", "http://127.0.0.1:" + payments,
                "paysuite.gateway.upstreams.refunds", "http://127.0.0.1:" + closedPort() + ",http://127.0.0.1:" + refunds,
                "paysuite.gateway.upstreams.down", "http://127.0.0.1:" + closedPort(),
                "paysuite.gateway.routes[3].path", "/v1/down(/.*)?",
                "paysuite.gateway.routes[3].upstream", "down",
                "paysuite.gateway.upstream-timeout", "PT5S",
                // short, so a test can see a revocation take effect once the cached key expires
                "paysuite.gateway.key-cache.ttl", "PT1S");
    }

    private int listen(String name) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
            Received received = new Received(name, request.method().name(), request.uri(), headers, body.toString());
            ALL.add(received);
            if (received.header("Request-Id") != null) {
                BY_REQUEST_ID.put(received.header("Request-Id"), received);
            }
            answer(name, request, body.toString());
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return server.actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("The stub upstream did not start", e);
        }
    }

    private static void answer(String name, HttpServerRequest request, String body) {
        if (request.path().endsWith("/hang")) {
            return;
        }
        if (request.path().endsWith("/drop")) {
            request.connection().close();
            return;
        }
        if (request.path().endsWith("/declined")) {
            request.response().setStatusCode(402)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Service-Header", "kept")
                    .end(new JsonObject().put("error", new JsonObject().put("type", "card_error")
                            .put("code", "card_declined").put("message", "Your card was declined.")).encode());
            return;
        }
        request.response().setStatusCode(201)
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Stub", name)
                .putHeader("Idempotent-Replayed", "true")
                .putHeader("Connection", "keep-alive, X-Hop-Secret")
                .putHeader("X-Hop-Secret", "hop-by-hop, named in Connection")
                .putHeader("Proxy-Authenticate", "Basic realm=\"stub\"")
                .putHeader("Request-Id", "req_setbytheserviceitself000")
                .putHeader("X-RateLimit-Limit", "999999")
                .end(new JsonObject().put("upstream", name).put("method", request.method().name())
                        .put("uri", request.uri()).put("body", body).encode());
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
