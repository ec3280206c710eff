package dev.paysuite.gateway.adapter.in.http;

import dev.paysuite.gateway.application.domain.model.Admission;
import dev.paysuite.gateway.application.domain.model.Caller;
import dev.paysuite.gateway.application.domain.model.RateLimitDecision;
import dev.paysuite.gateway.application.domain.model.UpstreamException;
import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import dev.paysuite.gateway.application.domain.model.UpstreamResponse;
import dev.paysuite.gateway.application.port.in.AdmitRequestUseCase;
import dev.paysuite.gateway.application.port.in.ForwardRequestUseCase;
import dev.paysuite.gateway.config.GatewayConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * The public edge, on the event loop from end to end: admit the request (API key, rate limit),
 * read its body, forward it to the service its path routes to, and pass the answer back. Every
 * answer carries {@code Request-Id} and the {@code X-RateLimit-*} headers; every refusal is the
 * error object.
 */
@ApplicationScoped
public class GatewayHttpAdapter {
    private static final Logger ACCESS = Logger.getLogger("dev.paysuite.gateway.access");
    private static final int ROUTE_ORDER = 10_000;
    private static final String REQUEST_ID = "Request-Id";
    private static final String CALLER = "paysuite.caller";
    private static final String RATE_LIMIT = "paysuite.rateLimit";
    private static final String STARTED = "paysuite.started";
    /** What a client may tell a service; everything else (Authorization above all) stays at the edge. */
    private static final Set<String> FORWARDED = Set.of("content-type", "accept", "accept-language",
            "idempotency-key", "user-agent");
    /** Hop-by-hop headers and what the gateway sets itself are not copied from a service's answer. */
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "content-length",
            "request-id", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset");
    private static final char[] ALPHANUMERIC =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final AdmitRequestUseCase admitRequest;
    private final ForwardRequestUseCase forwardRequest;
    private final GatewayConfig config;

    public GatewayHttpAdapter(AdmitRequestUseCase admitRequest, ForwardRequestUseCase forwardRequest,
            GatewayConfig config) {
        this.admitRequest = admitRequest;
        this.forwardRequest = forwardRequest;
        this.config = config;
    }

    void routes(@Observes Router router) {
        // Admission first, so that a refused request's body is never read; Vert.x keeps the request
        // paused until the body handler of the second route reads it.
        router.route("/v1/*").order(ROUTE_ORDER).handler(this::admit).failureHandler(this::failed);
        router.route("/v1/*").order(ROUTE_ORDER + 1)
                .handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()))
                .handler(this::forward)
                .failureHandler(this::failed);
    }

    private void admit(RoutingContext ctx) {
        String requestId = requestId();
        ctx.put(REQUEST_ID, requestId);
        ctx.put(STARTED, System.nanoTime());
        ctx.response().putHeader(REQUEST_ID, requestId);
        ctx.addEndHandler(done -> accessLog(ctx));
        Context context = Vertx.currentContext();
        admitRequest.admit(ctx.request().getHeader("Authorization"), ctx.request().remoteAddress().host())
                .whenComplete((admission, failure) -> context.runOnContext(v -> {
                    if (failure != null) {
                        ctx.fail(failure);
                        return;
                    }
                    ctx.put(RATE_LIMIT, admission.rateLimit());
                    rateLimitHeaders(ctx.response(), admission.rateLimit());
                    if (admission instanceof Admission.Unauthenticated u) {
                        error(ctx, 401, "authentication_error", u.keyPresented() ? "api_key_invalid" : "api_key_missing",
                                u.keyPresented() ? "Invalid API key provided."
                                        : "No API key provided. Send it as 'Authorization: Bearer sk_...'.");
                    } else if (admission instanceof Admission.RateLimited limited) {
                        ctx.put(CALLER, limited.caller());
                        ctx.response().putHeader("Retry-After", String.valueOf(limited.rateLimit().retryAfterSeconds()));
                        error(ctx, 429, "rate_limit_error", "rate_limit_exceeded",
                                "Too many requests. Retry after " + limited.rateLimit().retryAfterSeconds() + " s.");
                    } else {
                        ctx.put(CALLER, ((Admission.Admitted) admission).caller());
                        ctx.next();
                    }
                }));
    }

    private void forward(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Caller caller = ctx.get(CALLER);
        String path = ctx.normalizedPath();
        String pathAndQuery = request.query() == null ? path : path + "?" + request.query();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> {
            if (FORWARDED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
            }
        });
        String requestId = ctx.get(REQUEST_ID);
        headers.put(REQUEST_ID, List.of(requestId));
        headers.put("X-Forwarded-For", List.of(request.remoteAddress().host()));
        headers.put("X-Forwarded-Proto", List.of(request.scheme()));
        if (request.authority() != null) {
            headers.put("X-Forwarded-Host", List.of(request.authority().toString()));
        }
        Buffer body = ctx.body().buffer();
        Context context = Vertx.currentContext();
        forwardRequest.forward(caller, path, new UpstreamRequest(request.method().name(), pathAndQuery, headers,
                        body == null ? null : body.getBytes()))
                .whenComplete((answer, failure) -> context.runOnContext(v -> {
                    if (failure != null) {
                        upstreamFailed(ctx, failure);
                    } else {
                        relay(ctx, answer);
                    }
                }));
    }

    private static void relay(RoutingContext ctx, UpstreamResponse answer) {
        HttpServerResponse response = ctx.response().setStatusCode(answer.status());
        answer.headers().forEach((name, values) -> {
            if (!NOT_RETURNED.contains(name.toLowerCase(Locale.ROOT))) {
                response.putHeader(name, values);
            }
        });
        response.end(Buffer.buffer(answer.body()));
    }

    private void upstreamFailed(RoutingContext ctx, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (!(cause instanceof UpstreamException upstream)) {
            ctx.fail(cause);
            return;
        }
        switch (upstream.kind()) {
            case NO_ROUTE -> error(ctx, 404, "invalid_request_error", "url_unknown", "Unrecognized request URL.");
            case TIMEOUT -> error(ctx, 504, "api_error", "upstream_timeout",
                    "The service did not answer in time. Retry with the same Idempotency-Key.");
            default -> error(ctx, 502, "api_error", "upstream_unavailable",
                    "The service is unavailable. Retry with the same Idempotency-Key.");
        }
    }

    private void failed(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        RateLimitDecision limit = ctx.get(RATE_LIMIT);
        if (limit != null) {
            rateLimitHeaders(ctx.response(), limit);
        }
        if (ctx.statusCode() == 413) {
            error(ctx, 413, "invalid_request_error", "request_too_large",
                    "The request body is larger than " + config.maxBodyBytes() + " bytes.");
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            error(ctx, ctx.statusCode(), "invalid_request_error", "request_invalid", "The request is not valid.");
        } else {
            Logger.getLogger(GatewayHttpAdapter.class).errorf(ctx.failure(), "Request %s failed", (Object) ctx.get(REQUEST_ID));
            error(ctx, 500, "api_error", "internal_error", "Something went wrong on our end.");
        }
    }

    private static void rateLimitHeaders(HttpServerResponse response, RateLimitDecision d) {
        response.putHeader("X-RateLimit-Limit", String.valueOf(d.limit()))
                .putHeader("X-RateLimit-Remaining", String.valueOf(d.remaining()))
                .putHeader("X-RateLimit-Reset", String.valueOf(d.resetEpochSeconds()));
    }

    private static void error(RoutingContext ctx, int status, String type, String code, String message) {
        JsonObject error = new JsonObject().put("type", type).put("code", code).put("message", message);
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", error).encode());
    }

    private static void accessLog(RoutingContext ctx) {
        Long started = ctx.get(STARTED);
        long millis = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
        Caller caller = ctx.get(CALLER);
        ACCESS.infof("%s %s %s %d %dms merchant=%s", (Object) ctx.get(REQUEST_ID), ctx.request().method(),
                ctx.normalizedPath(), ctx.response().getStatusCode(), millis,
                caller == null ? "-" : caller.merchantId());
    }

    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[24];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return "req_" + new String(id);
    }
}
