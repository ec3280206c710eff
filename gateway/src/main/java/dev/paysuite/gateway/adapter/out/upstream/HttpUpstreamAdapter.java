package dev.paysuite.gateway.adapter.out.upstream;

import dev.paysuite.gateway.application.domain.model.ForwardResult;
import dev.paysuite.gateway.application.domain.model.ForwardingRules;
import dev.paysuite.gateway.application.domain.model.Headers;
import dev.paysuite.gateway.application.domain.model.StreamedBody;
import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import dev.paysuite.gateway.application.domain.model.UpstreamResponse;
import dev.paysuite.gateway.application.port.out.SendUpstreamPort;
import dev.paysuite.gateway.config.GatewayConfig;
import io.quarkus.runtime.Startup;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Forwards to the services with Vert.x's non-blocking HTTP client over pooled keep-alive
 * connections. An upstream may name several instances (comma-separated base URLs): requests go
 * round robin, and one that an instance refuses to connect to goes to the next (it was never
 * sent, so this is safe for any request, payments included). So does one that a stopping instance
 * turned away: Quarkus's graceful shutdown answers requests that arrive while it drains with an
 * empty 503 and {@code Connection: close}, before any of the service's code saw them (our services'
 * own 503s always carry the error object). A request whose connection closed or was reset before its
 * answer came (an instance that died with it, or one that accepted the connection as it stopped and
 * dropped it) goes to the next instance only when repeating it is safe: a
 * {@code GET} or {@code HEAD}, or a request with an {@code Idempotency-Key}, which the service answers
 * once whatever the number of tries. So a rolling restart behind the gateway shows no error. The
 * upstream timeout bounds the whole exchange, failover included; on expiry the request is reset so
 * the service sees it abandoned.
 * <p>
 * An answer that is a stream of Server-Sent Events ({@link ForwardingRules#isStreamed}) is not
 * read: it is handed on as soon as its headers are in ({@link ForwardResult.Streaming}), its body
 * held back ({@link UpstreamBody}) until the client side opens it. The timeout then stops, since
 * a stream may rightly last hours; a service that never sends the headers still times out.
 */
@Startup
@ApplicationScoped
public class HttpUpstreamAdapter implements SendUpstreamPort {
    private static final Logger LOG = Logger.getLogger(HttpUpstreamAdapter.class);

    record Instance(String host, int port, boolean ssl, String basePath) {
        static Instance parse(String upstream, String url) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Upstream " + upstream + " has an invalid URL: " + url, e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalStateException("Upstream " + upstream + " must be http(s)://host[:port][/path]: " + url);
            }
            boolean ssl = scheme.equals("https");
            int port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return new Instance(uri.getHost(), port, ssl, path);
        }
    }

    private record Upstream(String name, List<Instance> instances, AtomicInteger next) {
    }

    private final Vertx vertx;
    private final HttpClient client;
    /**
     * Requests that ask for a stream ({@code Accept: text/event-stream}) hold their connection for as
     * long as the stream lasts: they get a pool of their own, so open streams never take the
     * connections ordinary requests to the same service wait for.
     */
    private final HttpClient streamClient;
    private final Map<String, Upstream> upstreams;
    private final long timeoutMillis;

    public HttpUpstreamAdapter(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.client = client(vertx, config, config.upstreamMaxConnections());
        this.streamClient = client(vertx, config, config.upstreamMaxStreams());
        this.upstreams = config.upstreams().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> new Upstream(e.getKey(), parse(e.getKey(), e.getValue()), new AtomicInteger())));
        this.timeoutMillis = config.upstreamTimeout().toMillis();
    }

    private static HttpClient client(Vertx vertx, GatewayConfig config, int maxConnections) {
        return vertx.httpClientBuilder()
                .with(new HttpClientOptions().setKeepAlive(true)
                        .setConnectTimeout((int) config.upstreamConnectTimeout().toMillis()))
                .with(new PoolOptions().setHttp1MaxSize(maxConnections))
                .withConnectHandler(HttpUpstreamAdapter::quietWhenReset)
                .build();
    }

    /**
     * A connection the upstream instance closed under it (killed, restarted): a request on it fails
     * and is answered (or tried on the next instance) where it was sent, so the connection's own
     * failure is only a DEBUG line, not Vert.x's ERROR "Connection reset" for each pooled connection.
     */
    private static void quietWhenReset(HttpConnection connection) {
        connection.exceptionHandler(failure -> LOG.debugf("Upstream connection to %s failed: %s",
                connection.remoteAddress(), failure.toString()));
    }

    private static List<Instance> parse(String upstream, String urls) {
        List<Instance> instances = Arrays.stream(urls.split(",")).map(String::trim).filter(u -> !u.isEmpty())
                .map(url -> Instance.parse(upstream, url)).toList();
        if (instances.isEmpty()) {
            throw new IllegalStateException("Upstream " + upstream + " has no URL");
        }
        return instances;
    }

    @PreDestroy
    void close() {
        client.close();
        streamClient.close();
    }

    @Override
    public CompletionStage<ForwardResult> send(String name, UpstreamRequest request) {
        return send(name, request, timeoutMillis, true);
    }

    /** Never streamed: the caller reads the answer itself, within its own timeout. */
    @Override
    public CompletionStage<ForwardResult> send(String name, UpstreamRequest request, Duration timeout) {
        return send(name, request, Math.max(1, timeout.toMillis()), false);
    }

    private CompletionStage<ForwardResult> send(String name, UpstreamRequest request, long millis, boolean mayStream) {
        Upstream upstream = upstreams.get(name);
        if (upstream == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("No upstream named " + name));
        }
        Promise<ForwardResult> result = Promise.promise();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        long timer = vertx.setTimer(millis, id -> {
            if (result.tryComplete(new ForwardResult.TimedOut(name))) {
                HttpClientRequest abandoned = sent.get();
                if (abandoned != null) {
                    abandoned.reset();
                }
            }
        });
        int first = Math.floorMod(upstream.next().getAndIncrement(), upstream.instances().size());
        attempt(upstream, first, 0, request, mayStream, result, sent);
        return result.future().onComplete(done -> vertx.cancelTimer(timer)).toCompletionStage();
    }

    private void attempt(Upstream upstream, int first, int tried, UpstreamRequest request, boolean mayStream,
            Promise<ForwardResult> result, AtomicReference<HttpClientRequest> sent) {
        List<Instance> instances = upstream.instances();
        Instance instance = instances.get((first + tried) % instances.size());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setHost(instance.host())
                .setPort(instance.port())
                .setSsl(instance.ssl())
                .setURI(instance.basePath() + request.pathAndQuery());
        request.headers().forEach(options::addHeader);
        boolean asksForStream = mayStream && request.headers().first("Accept")
                .map(a -> a.toLowerCase(Locale.ROOT).contains("text/event-stream")).orElse(false);
        (asksForStream ? streamClient : client).request(options)
                .compose(outgoing -> {
                    if (result.future().isComplete()) {
                        outgoing.reset(); // timed out while connecting
                        return Future.failedFuture("abandoned");
                    }
                    sent.set(outgoing);
                    return request.body().length == 0 ? outgoing.send() : outgoing.send(Buffer.buffer(request.body()));
                })
                .compose(response -> {
                    if (mayStream && ForwardingRules.isStreamed(request.method(), response.statusCode(),
                            response.getHeader(HttpHeaders.CONTENT_TYPE))) {
                        // Held back from here, on the response's own context, before any chunk is handled.
                        StreamedBody body = new UpstreamBody(response, vertx.getOrCreateContext());
                        return Future.succeededFuture(new ForwardResult.Streaming(upstream.name(),
                                response.statusCode(), headers(response), body));
                    }
                    return response.body().compose(body -> turnedAway(response, body)
                            ? Future.failedFuture(new TurnedAway())
                            : Future.succeededFuture(new ForwardResult.Answered(upstream.name(), answer(response, body))));
                })
                .onComplete(done -> {
                    if (done.succeeded()) {
                        if (!result.tryComplete(done.result())
                                && done.result() instanceof ForwardResult.Streaming late) {
                            late.body().cancel(); // the headers came after the timeout: nobody will read it
                        }
                    } else if (tried + 1 < instances.size() && !result.future().isComplete()
                            && mayTryNext(done.cause(), request)) {
                        LOG.debugf("Upstream %s instance %s:%d did not take the request (%s), trying the next one",
                                upstream.name(), instance.host(), instance.port(), done.cause().toString());
                        attempt(upstream, first, tried + 1, request, mayStream, result, sent);
                    } else if (result.tryComplete(new ForwardResult.Unavailable(upstream.name()))) {
                        LOG.debugf("Upstream %s instance %s:%d could not answer: %s", upstream.name(), instance.host(),
                                instance.port(), done.cause().toString());
                    }
                });
    }

    /** A stopping instance's refusal: it never handled the request. */
    static final class TurnedAway extends RuntimeException {
        TurnedAway() {
            super("turned away by a stopping instance", null, false, false);
        }
    }

    /** Quarkus's graceful shutdown answer: 503, {@code Connection: close}, nothing else. */
    static boolean turnedAway(HttpClientResponse response, Buffer body) {
        return response.statusCode() == 503 && body.length() == 0
                && "close".equalsIgnoreCase(response.getHeader(HttpHeaders.CONNECTION));
    }

    /** Whether a failed try may go to the next instance: see the class comment. */
    static boolean mayTryNext(Throwable cause, UpstreamRequest request) {
        if (cause instanceof ConnectException || cause instanceof TurnedAway) {
            return true;
        }
        return (cause instanceof HttpClosedException || cause instanceof IOException) && safeToRepeat(request);
    }

    static boolean safeToRepeat(UpstreamRequest request) {
        String method = request.method().toUpperCase(Locale.ROOT);
        return method.equals("GET") || method.equals("HEAD")
                || request.headers().first("Idempotency-Key").filter(k -> !k.isBlank()).isPresent();
    }

    private static UpstreamResponse answer(HttpClientResponse response, Buffer body) {
        return new UpstreamResponse(response.statusCode(), headers(response), body.getBytes());
    }

    private static Headers headers(HttpClientResponse response) {
        Headers.Builder headers = Headers.builder();
        response.headers().forEach(header -> headers.add(header.getKey(), header.getValue()));
        return headers.build();
    }
}
