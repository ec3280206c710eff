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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Forwards to the services with Vert.x's non-blocking HTTP client over pooled keep-alive connections. */
@ApplicationScoped
public class HttpUpstreamAdapter implements SendUpstreamPort {
    private final HttpClient client;
    private final Map<String, URI> upstreams = new LinkedHashMap<>();
    private final long timeoutMillis;

    public HttpUpstreamAdapter(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(100)
                .setConnectTimeout((int) config.upstreamConnectTimeout().toMillis()));
        config.upstreams().forEach((name, url) -> upstreams.put(name, URI.create(url)));
        this.timeoutMillis = config.upstreamTimeout().toMillis();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public CompletionStage<UpstreamResponse> send(String upstream, UpstreamRequest request) {
        URI base = upstreams.get(upstream);
        if (base == null) {
            return CompletableFuture.failedFuture(
                    new UpstreamException(UpstreamException.Kind.NO_ROUTE, "unknown upstream " + upstream));
        }
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
                .toCompletionStage()
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(translate(upstream, failure)));
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
