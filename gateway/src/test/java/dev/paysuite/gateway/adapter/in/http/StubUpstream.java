package dev.paysuite.gateway.adapter.in.http;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Services behind the gateway, for tests: each answers every request with what it received and
 * its name, and records the last request. {@code /v1/payments/slow} answers too late; the {@code down} upstream
 * points at a port nothing listens on.
 */
public class StubUpstream implements QuarkusTestResourceLifecycleManager {
    public record Received(String method, String uri, Map<String, String> headers, String body) {
    }

    public static final AtomicReference<Received> LAST = new AtomicReference<>();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int payments = listen("payments");
        int refunds = listen("refunds");
        return Map.of(
                "paysuite.gateway.upstreams.payments", "http://127.0.0.1:" + payments,
                "paysuite.gateway.upstreams.down", "http://127.0.0.1:" + closedPort(),
                // a dead instance first: the gateway must fail over to the live one
                "paysuite.gateway.upstreams.refunds", "http://127.0.0.1:" + closedPort() + ",http://127.0.0.1:" + refunds,
                "paysuite.gateway.routes[3].path", "/v1/down(/.*)?",
                "paysuite.gateway.routes[3].upstream", "down",
                "paysuite.gateway.upstream-timeout", "PT1S");
    }

    /** A stub service that says who it is in X-Stub. */
    private int listen(String name) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
            LAST.set(new Received(request.method().name(), request.uri(), headers, body.toString()));
            Runnable answer = () -> request.response().setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Stub", name)
                    .putHeader("Idempotent-Replayed", "true")
                    .end(new JsonObject().put("method", request.method().name()).put("uri", request.uri())
                            .put("body", body.toString()).encode());
            if (request.path().endsWith("/slow")) {
                vertx.setTimer(3000, t -> answer.run());
            } else {
                answer.run();
            }
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return server.actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("stub upstream did not start", e);
        }
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
            vertx.close();
        }
    }
}
