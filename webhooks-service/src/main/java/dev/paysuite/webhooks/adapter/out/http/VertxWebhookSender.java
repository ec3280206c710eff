package dev.paysuite.webhooks.adapter.out.http;

import dev.paysuite.webhooks.application.domain.model.AttemptOutcome;
import dev.paysuite.webhooks.application.domain.model.DeliveryUrl;
import dev.paysuite.webhooks.application.port.out.SendWebhookPort;
import dev.paysuite.webhooks.config.WebhooksConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deliveries over Vert.x's HTTP client: the connection goes to the address the URL policy checked
 * ({@link RequestOptions#setServer}), never to a second lookup of the name (DNS rebinding), while
 * the name stays the Host header, the TLS server name and what the certificate is checked against.
 * No redirect is followed, no connection reused, the whole attempt bounded by the timeout, and at
 * most {@code max-response-bytes} of the answer read: the connection is closed past that. The
 * first checked address is used (a name with several is tried at its first; a failure there is the
 * attempt's outcome, and the next attempt checks and resolves again).
 * <p>
 * Each POST is a client span of the current trace (the worker's {@code webhook delivery} span),
 * made here rather than by Vert.x's tracer: the request is written on an event loop, where the
 * worker thread's context is not, so the client's own tracing is off and the span's context goes
 * out in the request's {@code traceparent} header (the signature covers the body, not this header).
 */
@ApplicationScoped
public class VertxWebhookSender implements SendWebhookPort {
    static final String USER_AGENT = "PaySuite-Webhooks/1.0";
    private final HttpClient client;
    private final Duration timeout;
    private final int maxResponseBytes;

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public VertxWebhookSender(Vertx vertx, WebhooksConfig config, OpenTelemetry telemetry) {
        this.timeout = config.delivery().timeout();
        this.maxResponseBytes = config.delivery().maxResponseBytes();
        this.tracer = telemetry.getTracer(VertxWebhookSender.class.getName());
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setTracingPolicy(TracingPolicy.IGNORE)
                .setKeepAlive(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxRedirects(0), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(256));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public AttemptOutcome post(DeliveryUrl url, List<InetAddress> addresses, Map<String, String> headers, String body) {
        Span span = tracer.spanBuilder("POST").setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "POST")
                .setAttribute("server.address", url.host())
                .startSpan();
        try {
            AttemptOutcome outcome = post(url, addresses, headers, body, Context.current().with(span));
            if (outcome.statusCode() != null) {
                span.setAttribute("http.response.status_code", outcome.statusCode().longValue());
                if (outcome.statusCode() >= 400) {
                    span.setStatus(StatusCode.ERROR);
                }
            } else {
                span.setStatus(StatusCode.ERROR, outcome.error());
            }
            return outcome;
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    private AttemptOutcome post(DeliveryUrl url, List<InetAddress> addresses, Map<String, String> headers, String body,
            Context trace) {
        long started = System.nanoTime();
        URI uri = URI.create(url.value());
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String host = url.host().startsWith("[") ? url.host().substring(1, url.host().length() - 1) : url.host();
        InetAddress address = addresses.get(0);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                .setURI(path).setSsl(https).setFollowRedirects(false)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setIdleTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        options.putHeader("content-type", "application/json");
        options.putHeader("user-agent", USER_AGENT);
        propagator.inject(trace, options, RequestOptions::putHeader);
        CompletableFuture<Integer> done = new CompletableFuture<>();
        AtomicLong read = new AtomicLong();
        CompletableFuture<HttpClientRequest> sent = new CompletableFuture<>();
        client.request(options).onFailure(done::completeExceptionally).onSuccess(request -> {
            sent.complete(request);
            request.response().onFailure(done::completeExceptionally).onSuccess(response -> {
                int status = response.statusCode();
                response.exceptionHandler(e -> done.complete(status));
                response.handler(chunk -> {
                    if (read.addAndGet(chunk.length()) > maxResponseBytes && !done.isDone()) {
                        done.complete(status);
                        request.connection().close();
                    }
                });
                response.endHandler(v -> done.complete(status));
            });
            request.end(Buffer.buffer(body));
        });
        try {
            int status = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return AttemptOutcome.answered(status, elapsed(started));
        } catch (TimeoutException e) {
            sent.thenAccept(r -> r.reset());
            return AttemptOutcome.failed("timeout: no complete answer within " + timeout.toMillis() + " ms",
                    elapsed(started));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return AttemptOutcome.failed(describe(cause, address), elapsed(started));
        } catch (InterruptedException e) {
            // the worker is stopping: no outcome to record; the claim runs out and the attempt is made again
            Thread.currentThread().interrupt();
            sent.thenAccept(r -> r.reset());
            throw new CancellationException("the delivery worker is stopping");
        }
    }

    private static String describe(Throwable cause, InetAddress address) {
        String name = cause.getClass().getSimpleName();
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        // Vert.x names the address it connected to; it is the receiver's, not ours, but keep it short
        String shown = (name + ": " + message).replace(address.getHostAddress(), address instanceof Inet6Address
                ? "[address]" : "address");
        return shown.length() > 300 ? shown.substring(0, 300) : shown;
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
