package dev.paysuite.gateway.adapter.in.http;

import dev.paysuite.gateway.application.domain.model.ForwardingRules;
import dev.paysuite.gateway.application.domain.model.UpstreamResponse;
import dev.paysuite.gateway.application.port.in.ServeHostedPageUseCase;
import dev.paysuite.gateway.application.port.in.ServeHostedPageUseCase.PageRequest;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The suite's public pages, before any API-key admission: {@code /pay/...} (a payment link's page)
 * and {@code /3ds/...} (a 3-D Secure challenge), GET and POST only, a form body of at most 16 KiB.
 * Answers are the pages payments-service renders ({@link ServeHostedPageUseCase}).
 */
@ApplicationScoped
public class HostedPagesRouteHandler {
    private static final Logger ACCESS = Logger.getLogger("dev.paysuite.gateway.access");
    /** Before the admin API (9 000) and the API's admission (10 000); never overlaps either. */
    private static final int ORDER = 8_000;
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final String PATHS = "/(pay|3ds)(/.*)?";

    private final ServeHostedPageUseCase pages;

    public HostedPagesRouteHandler(ServeHostedPageUseCase pages) {
        this.pages = pages;
    }

    void register(@Observes Router router) {
        router.routeWithRegex(PATHS).order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String requestId = RequestIds.next();
        MDC.put("requestId", requestId);
        long started = System.nanoTime();
        HttpServerRequest request = ctx.request();
        ctx.response().putHeader(ForwardingRules.REQUEST_ID, requestId);
        ctx.addEndHandler(done -> ACCESS.infof("%s %s %s %s %dms page", requestId, request.method().name(),
                ctx.normalizedPath(), done.succeeded() ? String.valueOf(ctx.response().getStatusCode()) : "aborted",
                (System.nanoTime() - started) / 1_000_000));
        // the uri tag of the HTTP metrics: /pay/{id}, /3ds/{id}, never one series per link
        Context requestContext = ctx.vertx().getOrCreateContext();
        UpstreamMetricsTag.gatewayRequest(requestContext);
        String route = RouteTemplates.of(ctx.normalizedPath());
        ctx.addHeadersEndHandler(v -> UpstreamMetricsTag.route(requestContext,
                RouteTemplates.forAnswer(route, ctx.response().getStatusCode())));
        String method = request.method().name();
        if (!isUri(request.uri())) {
            drain(ctx);
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(ctx.response(), 400, "This address is malformed: characters outside RFC 3986 must be percent-encoded.");
            return;
        }
        if (!method.equals("GET") && !method.equals("POST")) {
            drain(ctx);
            ctx.response().putHeader("Allow", "GET, POST");
            send(ctx.response(), 405, "This page takes GET and POST only.");
            return;
        }
        Context context = requestContext;
        readBody(ctx, body -> pages.serve(new PageRequest(method, request.uri(),
                request.getHeader(HttpHeaders.CONTENT_TYPE), body.getBytes(), clientAddress(request), requestId))
                .whenComplete((answer, failure) -> context.runOnContext(v -> {
                    if (failure != null || answer == null) {
                        send(ctx.response(), 503, "Payments are unavailable right now. Please try again in a moment.");
                    } else {
                        answer(ctx.response(), answer);
                    }
                })));
    }

    private static void answer(HttpServerResponse response, UpstreamResponse answer) {
        if (response.ended()) {
            return;
        }
        response.setStatusCode(answer.status());
        for (String name : answer.headers().names()) {
            response.putHeader(name, answer.headers().all(name));
        }
        response.end(Buffer.buffer(answer.body()));
    }

    private static void send(HttpServerResponse response, int status, String text) {
        if (response.ended()) {
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>PaySuite</title></head>"
                        + "<body><main><h1>" + text + "</h1></main></body></html>");
    }

    /** The body, up to {@link #MAX_BODY_BYTES}; a larger one is refused 413 and the connection closed. */
    private static void readBody(RoutingContext ctx, Consumer<Buffer> then) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.trim().matches("[0-9]{1,18}") && Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
            tooLarge(ctx);
            return;
        }
        BoundedBody.read(ctx, MAX_BODY_BYTES, () -> tooLarge(ctx), then);
    }

    private static void tooLarge(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        send(ctx.response(), 413, "The form is larger than " + MAX_BODY_BYTES + " bytes.");
    }

    private static void drain(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            request.handler(chunk -> { });
            request.resume();
        }
    }

    /** Quarkus's own check of the URL is off (GatewayMain): a page's address must be one a service accepts too. */
    private static boolean isUri(String target) {
        try {
            new java.net.URI(target);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String clientAddress(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        if (address == null || address.hostAddress() == null) {
            address = request.connection().remoteAddress();
        }
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
