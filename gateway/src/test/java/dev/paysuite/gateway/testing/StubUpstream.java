package dev.paysuite.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The services behind the gateway, for tests: real HTTP servers on free ports, configured as the
 * gateway's upstreams. Each records what it received (by the gateway's Request-Id) and answers:
 * <ul>
 * <li>{@code .../hang}: never (the gateway's upstream timeout is 5 s here: long enough for a busy machine);</li>
 * <li>{@code .../drop}: closes the connection without an answer;</li>
 * <li>{@code .../declined}: 402 with a service's own error object;</li>
 * <li>{@code .../stream} asked with {@code Accept: text/event-stream}: 200 {@code text/event-stream}
 *     at once (headers only), then whatever the test makes it send through {@link #stream(String)}
 *     (the request's {@code stream} query parameter names it; {@code headers_after_ms} delays the
 *     headers); asked otherwise, the JSON answer below;</li>
 * <li>anything else: 201 echoing the method, URI and body, with headers a gateway must pass back
 *     ({@code X-Stub}, {@code Idempotent-Replayed}) and headers it must not (hop-by-hop ones, and
 *     {@code Request-Id} and {@code X-RateLimit-*}, which the gateway sets itself).</li>
 * </ul>
 * The {@code refunds} upstream lists a dead instance before the live one; the {@code down} upstream
 * (route {@code /v1/down...}) has no live instance at all; {@code webhooks} (route {@code /v1/events...})
 * is there for streams.
 * <p>
 * The {@code methods} upstream is also the card vault: {@code POST /internal/v1/vault/tokens}
 * answers as methods-service's README promises, by the card number it is given
 * ({@link #vaultReceived(String)} keeps what it got, apart from what services received):
 * <ul>
 * <li>{@link #VAULT_INVALID_NUMBER}: 400 naming {@code card[number]}; {@code exp_month} 13: 400 naming {@code card[exp_month]};</li>
 * <li>{@link #VAULT_IDEMPOTENCY_CONFLICT}: 422 {@code idempotency_error};</li>
 * <li>{@link #VAULT_NOT_FOUND}: 404; {@link #VAULT_FAILING}: 500; {@link #VAULT_DROPPING}: closes the connection;
 *     {@link #VAULT_HANGING}: never answers (the vault timeout is 3 s here);</li>
 * <li>any other: 201 with a token that is the same for the same merchant, Idempotency-Key and card
 *     (a fresh one without a key), as the vault's is.</li>
 * </ul>
 */
public class StubUpstream implements QuarkusTestResourceLifecycleManager {

    /** A request as a service received it. Header names are case-insensitive. */
    public record Received(String upstream, String method, String uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    public static final String VAULT_INVALID_NUMBER = "4111111111111112";
    public static final String VAULT_IDEMPOTENCY_CONFLICT = "4000000000000422";
    public static final String VAULT_NOT_FOUND = "4000000000000404";
    public static final String VAULT_FAILING = "4000000000000500";
    public static final String VAULT_DROPPING = "4000000000000503";
    public static final String VAULT_HANGING = "4000000000000999";

    private static final Map<String, Received> BY_REQUEST_ID = new ConcurrentHashMap<>();
    private static final Map<String, Received> VAULT_BY_REQUEST_ID = new ConcurrentHashMap<>();
    private static final List<Received> ALL = Collections.synchronizedList(new ArrayList<>());
    private static final Map<String, Stream> STREAMS = new ConcurrentHashMap<>();
    private static final io.vertx.core.buffer.Buffer PUMPED_EVENT =
            io.vertx.core.buffer.Buffer.buffer("data: " + "x".repeat(64 * 1024 - 8) + "\n\n");
    private Vertx vertx;

    /** What a service received for the gateway request with this Request-Id; fails if nothing arrived. */
    public static Received received(String requestId) {
        Received received = BY_REQUEST_ID.get(requestId);
        if (received == null) {
            throw new AssertionError("No service received request " + requestId);
        }
        return received;
    }

    /** What the vault received for the gateway request with this Request-Id; fails if nothing arrived. */
    public static Received vaultReceived(String requestId) {
        Received received = VAULT_BY_REQUEST_ID.get(requestId);
        if (received == null) {
            throw new AssertionError("The vault received nothing for request " + requestId);
        }
        return received;
    }

    public static boolean vaultWasCalled(String requestId) {
        return VAULT_BY_REQUEST_ID.containsKey(requestId);
    }

    /** Everything any stub received, the vault included. */
    public static List<Received> all() {
        synchronized (ALL) {
            return List.copyOf(ALL);
        }
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

    /**
     * A stream a stub serves, driven by the test: it sends nothing but its headers until told to.
     * What the gateway does to it shows in {@link #closed()}: completed when the connection the
     * stream came over closes, which for a stream still open means the gateway let it go.
     */
    public static final class Stream {
        private final Received received;
        private final HttpServerRequest request;
        private final io.vertx.core.Context context;
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private final java.util.concurrent.atomic.AtomicLong pumped = new java.util.concurrent.atomic.AtomicLong();

        Stream(Received received, HttpServerRequest request, io.vertx.core.Context context) {
            this.received = received;
            this.request = request;
            this.context = context;
        }

        public Received received() {
            return received;
        }

        /** Sends one event, {@code data: <data>} and the blank line that ends it. */
        public void send(String data) {
            write("data: " + data + "\n\n");
        }

        public void write(String text) {
            context.runOnContext(v -> {
                if (!request.response().ended() && !request.response().closed()) {
                    request.response().write(text);
                }
            });
        }

        /** Ends the stream as a service that is done ends it (the last chunk): the connection stays open for reuse. */
        public void end() {
            context.runOnContext(v -> {
                if (!request.response().ended() && !request.response().closed()) {
                    request.response().end();
                }
            });
        }

        /** Breaks the stream off mid-way, as a service that crashes does: the connection closes, no last chunk. */
        public void breakOff() {
            context.runOnContext(v -> request.connection().close());
        }

        /**
         * Sends events of 64 KB as fast as the gateway takes them, and no faster (each write waits for
         * the last to drain), up to {@code capBytes} in all: how far it got ({@link #pumped()}) shows
         * whether the gateway held it back.
         */
        public void pump(long capBytes) {
            context.runOnContext(v -> pumpMore(capBytes));
        }

        private void pumpMore(long capBytes) {
            io.vertx.core.http.HttpServerResponse response = request.response();
            while (!response.writeQueueFull() && pumped.get() < capBytes && !response.closed() && !response.ended()) {
                response.write(PUMPED_EVENT);
                pumped.addAndGet(PUMPED_EVENT.length());
            }
            if (pumped.get() < capBytes && !response.closed() && !response.ended()) {
                response.drainHandler(drained -> pumpMore(capBytes));
            }
        }

        public long pumped() {
            return pumped.get();
        }

        /** Completed when the stream's connection is closed (by either side). */
        public CompletableFuture<Void> closed() {
            return closed;
        }
    }

    /** The stream the request with {@code ?stream=<marker>} opened, waiting up to 10 s for it to arrive. */
    public static Stream stream(String marker) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Stream stream = STREAMS.get(marker);
            if (stream != null) {
                return stream;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No service received the stream " + marker);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int payments = listen("payments");
        int refunds = listen("refunds");
        int methods = listen("methods");
        int webhooks = listen("webhooks");
        return Map.ofEntries(Map.entry("paysuite.gateway.upstreams.webhooks", "http://127.0.0.1:" + webhooks),
                Map.entry("paysuite.gateway.upstreams.methods", "http://127.0.0.1:" + methods),
                Map.entry("paysuite.gateway.vault-timeout", "PT3S"),
                Map.entry("paysuite.gateway.upstreams.payments", "http://127.0.0.1:" + payments),
                Map.entry("paysuite.gateway.upstreams.refunds", "http://127.0.0.1:" + closedPort() + ",http://127.0.0.1:" + refunds),
                Map.entry("paysuite.gateway.upstreams.down", "http://127.0.0.1:" + closedPort()),
                Map.entry("paysuite.gateway.routes[7].path", "/v1/down(/.*)?"),
                Map.entry("paysuite.gateway.routes[7].upstream", "down"),
                Map.entry("paysuite.gateway.upstream-timeout", "PT5S"),
                // short, so a test can see a revocation take effect once the cached key expires
                Map.entry("paysuite.gateway.key-cache.ttl", "PT1S"));
    }

    private int listen(String name) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
            Received received = new Received(name, request.method().name(), request.uri(), headers, body.toString());
            ALL.add(received);
            if (name.equals("methods") && request.path().startsWith("/internal/")) {
                if (received.header("Request-Id") != null) {
                    VAULT_BY_REQUEST_ID.put(received.header("Request-Id"), received);
                }
                vault(request, received);
                return;
            }
            if (received.header("Request-Id") != null) {
                BY_REQUEST_ID.put(received.header("Request-Id"), received);
            }
            if (request.path().endsWith("/stream") && String.valueOf(request.getHeader("Accept")).contains("text/event-stream")) {
                openStream(name, request, received);
                return;
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

    /** Headers at once, as a service's stream starts; hop-by-hop ones and those the gateway sets itself included. */
    private static void openStream(String name, HttpServerRequest request, Received received) {
        String marker = request.getParam("stream");
        Stream stream = new Stream(received, request, Vertx.currentContext());
        request.connection().closeHandler(v -> stream.closed.complete(null));
        if (marker != null) {
            STREAMS.put(marker, stream);
        }
        String headersAfter = request.getParam("headers_after_ms"); // a service slow to start its stream
        if (headersAfter == null) {
            streamHeaders(name, request);
        } else {
            Vertx.currentContext().owner().setTimer(Long.parseLong(headersAfter), id -> {
                if (!request.response().closed()) {
                    streamHeaders(name, request);
                }
            });
        }
    }

    private static void streamHeaders(String name, HttpServerRequest request) {
        request.response().setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "private")
                .putHeader("X-Stub", name)
                .putHeader("Connection", "keep-alive, X-Hop-Secret")
                .putHeader("X-Hop-Secret", "hop-by-hop, named in Connection")
                .putHeader("Request-Id", "req_setbytheserviceitself000")
                .putHeader("X-RateLimit-Limit", "999999")
                .writeHead();
    }

    private static void vault(HttpServerRequest request, Received received) {
        if (!request.path().equals("/internal/v1/vault/tokens") || request.method() != HttpMethod.POST) {
            error(request, 404, "invalid_request_error", "url_unknown", "No such internal path.", null);
            return;
        }
        JsonObject card;
        try {
            card = new JsonObject(received.body()).getJsonObject("card");
        } catch (RuntimeException e) {
            card = null;
        }
        if (card == null) {
            error(request, 400, "invalid_request_error", "parameter_missing", "Missing required param: card.", "card");
            return;
        }
        String number = String.valueOf(card.getValue("number"));
        switch (number) {
            case VAULT_INVALID_NUMBER -> error(request, 400, "card_error", "card_number_invalid",
                    "The card number in card[number] is not a valid card number.", "card[number]");
            case VAULT_IDEMPOTENCY_CONFLICT -> error(request, 422, "idempotency_error", "idempotency_key_reused",
                    "Keys for idempotent requests can only be used with the same parameters they were first used with.",
                    null);
            case VAULT_NOT_FOUND -> error(request, 404, "invalid_request_error", "url_unknown", "Not here.", null);
            case VAULT_FAILING -> error(request, 500, "api_error", "internal_error", "Something went wrong.", null);
            case VAULT_DROPPING -> request.connection().close();
            case VAULT_HANGING -> {
            }
            default -> {
                if (Integer.valueOf(13).equals(card.getValue("exp_month"))) {
                    error(request, 400, "card_error", "expiry_invalid", "card[exp_month] must be a month, 1 to 12.",
                            "card[exp_month]");
                    return;
                }
                String key = received.header("Idempotency-Key");
                String token = key == null ? "tok_" + UUID.randomUUID().toString().replace("-", "")
                        : "tok_" + sha256(merchantOf(received.header("Authorization")) + "|" + key + "|" + card.encode())
                                .substring(0, 24);
                request.response().setStatusCode(201)
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("id", token).put("object", "token").put("type", "card")
                                .put("brand", "visa").put("last4", number.length() >= 4 ? number.substring(number.length() - 4) : null)
                                .encode());
            }
        }
    }

    private static void error(HttpServerRequest request, int status, String type, String code, String message,
            String param) {
        request.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", new JsonObject().put("type", type).put("code", code)
                        .put("message", message).put("param", param).put("details", null)).encode());
    }

    /** The identity token's subject, read without verifying it (the tests verify it themselves). */
    private static String merchantOf(String authorization) {
        try {
            String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
            return new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).getString("sub");
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
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
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
