package dev.paysuite.gateway.adapter.out.upstream;

import dev.paysuite.gateway.application.domain.model.UpstreamException;
import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import dev.paysuite.gateway.application.domain.model.UpstreamResponse;
import dev.paysuite.gateway.application.port.out.SendUpstreamPort;
import dev.paysuite.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forwards to the services with Vert.x's non-blocking HTTP client over pooled keep-alive
 * connections. An upstream may name several instances (comma-separated URLs): requests go round
 * robin, and one an instance refuses to connect to goes to the next (it was never sent, so this
 * is safe for any request).
 */
@ApplicationScoped
public class HttpUpstreamAdapter implements SendUpstreamPort {
    private final HttpClient client;
    private final Map<String, List<URI>> upstreams = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> turns = new LinkedHashMap<>();
    private final long timeoutMillis;

    public HttpUpstreamAdapter(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(100)
                .setConnectTimeout((int) config.upstreamConnectTimeout().toMillis()));
        config.upstreams().forEach((name, urls) -> {
            upstreams.put(name, Arrays.stream(urls.split(",")).map(String::trim).filter(u -> !u.isEmpty())
                    .map(URI::create).toList());
            turns.put(name, new AtomicInteger());
        });
        this.timeoutMillis = config.upstreamTimeout().toMillis();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public CompletionStage<UpstreamResponse> send(String upstream, UpstreamRequest request) {
        List<URI> instances = upstreams.get(upstream);
        if (instances == null || instances.isEmpty()) {
            return CompletableFuture.failedFuture(
                    new UpstreamException(UpstreamException.Kind.NO_ROUTE, "unknown upstream " + upstream));
        }
        int first = Math.floorMod(turns.get(upstream).getAndIncrement(), instances.size());
        return attempt(upstream, instances, first, 0, request);
    }

    private CompletionStage<UpstreamResponse> attempt(String upstream, List<URI> instances, int first, int tried,
            UpstreamRequest request) {
        URI base = instances.get((first + tried) % instances.size());
        return sendTo(base, request).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof ConnectException && tried + 1 < instances.size()) {
                return attempt(upstream, instances, first, tried + 1, request);
            }
            return CompletableFuture.failedFuture(translate(upstream, cause));
        });
    }

    private CompletionStage<UpstreamResponse> sendTo(URI base, UpstreamRequest request) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setHost(base.getHost())
                .setPort(base.getPort())
                .setURI(request.pathAndQuery())
                .setTimeout(timeoutMillis);
        request.headers().forEach((name, values) -> values.forEach(value -> options.addHeader(name, value)));
        return client.request(options)
                .compose(r -> r.send(Buffer.buffer(request.body())))
                .compose(response -> response.body().map(body -> {
                    Map<String, List<String>> headers = new LinkedHashMap<>();
                    response.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>())
                            .add(h.getValue()));
                    return new UpstreamResponse(response.statusCode(), headers, body.getBytes());
                }))
                .toCompletionStage();
    }

    private static UpstreamException translate(String upstream, Throwable failure) {
        // A service that cannot be reached (even slowly) is unavailable; one that took the request and
        // did not answer in time timed out.
        boolean timeout = !(failure instanceof ConnectException)
                && (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout"));
        return new UpstreamException(timeout ? UpstreamException.Kind.TIMEOUT : UpstreamException.Kind.UNAVAILABLE,
                upstream + ": " + failure.getMessage());
    }
}
