package dev.paysuite.gateway.adapter.in.http;

import static dev.paysuite.kernel.error.ErrorType.API;
import static dev.paysuite.kernel.error.ErrorType.AUTHENTICATION;
import static dev.paysuite.kernel.error.ErrorType.INVALID_REQUEST;
import static dev.paysuite.kernel.error.ErrorType.RATE_LIMIT;

import dev.paysuite.dialects.ApiError;
import dev.paysuite.dialects.CanonicalRequest;
import dev.paysuite.dialects.Dialect;
import dev.paysuite.dialects.DialectAnswer;
import dev.paysuite.dialects.DialectRefusal;
import dev.paysuite.dialects.Dialects;
import dev.paysuite.dialects.Exchange;
import dev.paysuite.dialects.Translation;
import dev.paysuite.gateway.application.domain.model.Admission;
import dev.paysuite.gateway.application.domain.model.ApiSurface;
import dev.paysuite.gateway.application.domain.model.Caller;
import dev.paysuite.gateway.application.domain.model.ClientConnection;
import dev.paysuite.gateway.application.domain.model.ForwardResult;
import dev.paysuite.gateway.application.domain.model.ForwardingRules;
import dev.paysuite.gateway.application.domain.model.Headers;
import dev.paysuite.gateway.application.domain.model.RateLimitDecision;
import dev.paysuite.gateway.application.domain.model.RequestBodies;
import dev.paysuite.gateway.application.domain.model.StreamedBody;
import dev.paysuite.gateway.application.domain.model.UpstreamResponse;
import dev.paysuite.gateway.application.port.in.AdmitRequestCommand;
import dev.paysuite.gateway.application.port.in.AdmitRequestUseCase;
import dev.paysuite.gateway.application.port.in.ForwardRequestCommand;
import dev.paysuite.gateway.application.port.in.ForwardRequestUseCase;
import dev.paysuite.gateway.config.GatewayConfig;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.error.ErrorType;
import io.vertx.core.AsyncResult;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.MDC;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The public edge, on the event loop from end to end. Every path outside Quarkus's own
 * {@code /q/...} goes through three steps: admit the request (API key, rate limit) before its body
 * is read, read the body (up to the limit), then forward it to the service its path routes to and
 * pass the answer back. Every answer carries {@code Request-Id} and the {@code X-RateLimit-*}
 * headers; every refusal is the error object.
 * <p>
 * A service's answer normally comes back whole. One of type {@code text/event-stream} (Server-Sent
 * Events, whatever the path) is streamed instead: its status and headers go out as soon as the
 * service sends them, with {@code Cache-Control: no-cache} and {@code X-Accel-Buffering: no} so no
 * proxy in front gathers it either, then each chunk the moment it arrives ({@link StreamRelay}).
 * The upstream timeout bounds the wait for the headers only: a stream lasts as long as the service
 * and the client keep it open, and whichever side goes first ends the other. It is one request for
 * the rate limit and one access log line, written when it ends, with its whole duration.
 */
@ApplicationScoped
public class GatewayRouteHandler {
    private static final Logger ACCESS = Logger.getLogger("dev.paysuite.gateway.access");
    private static final Logger LOG = Logger.getLogger(GatewayRouteHandler.class);
    /** After Quarkus's own routes, which never overlap ours anyway. */
    private static final int ORDER = 10_000;
    private static final String REQUEST_ID = "paysuite.requestId";
    private static final String CALLER = "paysuite.caller";
    private static final String RATE_LIMIT_DECISION = "paysuite.rateLimit";
    private static final String STARTED = "paysuite.started";
    /** The dialect a request under a seed's base path speaks, and its exchange when the dialect knows the endpoint. */
    private static final String DIALECT = "paysuite.dialect";
    private static final String EXCHANGE = "paysuite.exchange";
    private static final String SURFACE = "paysuite.surface";
    /** Asks nginx (and proxies that honour it) not to buffer the answer: a stream's events must pass at once. */
    private static final String X_ACCEL_BUFFERING = "X-Accel-Buffering";
    private static final String NO_STORE = "no-store";
    private static final long MAX_DRAINED_BYTES = 8L * 1024 * 1024;
    /** What a 503 tells the client to wait: an outage of a dependency, worth retrying soon. */
    private static final String UNAVAILABLE_RETRY_AFTER_SECONDS = "1";

    private final AdmitRequestUseCase admitRequest;
    private final ForwardRequestUseCase forwardRequest;
    private final int maxBodyBytes;
    private final String apiPaths;
    private final MeterRegistry meters;

    public GatewayRouteHandler(AdmitRequestUseCase admitRequest, ForwardRequestUseCase forwardRequest,
            GatewayConfig config, MeterRegistry meters,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q") String quarkusRoot) {
        this.meters = meters;
        this.admitRequest = admitRequest;
        this.forwardRequest = forwardRequest;
        this.maxBodyBytes = config.maxBodyBytes();
        String root = quarkusRoot.replaceAll("^/+|/+$", "");
        this.apiPaths = "^(?!/" + Pattern.quote(root) + "(?:/|$)).*";
    }

    void register(@Observes Router router) {
        // Quarkus hands requests over paused and resumes them when a data handler is set, so
        // nothing is lost while admission waits for the database and Redis, and a refused request's
        // body is never buffered.
        router.routeWithRegex(apiPaths).order(ORDER).handler(this::admit).failureHandler(this::failed);
        router.routeWithRegex(apiPaths).order(ORDER + 1).handler(this::readBody).failureHandler(this::failed);
        // Vert.x Web refuses a path it cannot decode (a '%' without two hex digits after it) or a
        // request without Host before any route runs; it would answer an empty 400.
        router.errorHandler(400, this::unroutable);
    }

    private void unroutable(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        ctx.response().putHeader(ForwardingRules.REQUEST_ID, RequestIds.next());
        if (ctx.failure() != null && String.valueOf(ctx.failure().getMessage()).contains("Host")) {
            error(ctx, 400, INVALID_REQUEST, ErrorCodes.REQUEST_INVALID,
                    "The request has no Host header.");
        } else {
            malformedUrl(ctx);
        }
    }

    /** Quarkus's own check of the URL is off ({@link GatewayMain}): this is it, with the error object. */
    private static boolean isUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void malformedUrl(RoutingContext ctx) {
        error(ctx, 400, INVALID_REQUEST, ErrorCodes.REQUEST_INVALID,
                "The request URL is malformed: characters outside RFC 3986 must be percent-encoded, and each '%' "
                        + "must start an escape of two hexadecimal digits, such as %20.");
    }

    private void admit(RoutingContext ctx) {
        String requestId = RequestIds.next();
        ctx.put(REQUEST_ID, requestId);
        // every log line of this request carries it (the MDC lives in the request's own Vert.x context)
        MDC.put("requestId", requestId);
        ctx.put(STARTED, System.nanoTime());
        ctx.response().putHeader(ForwardingRules.REQUEST_ID, requestId);
        ctx.addEndHandler(done -> accessLog(ctx, done));
        UpstreamMetricsTag.gatewayRequest(ctx.vertx().getOrCreateContext());
        HttpServerRequest request = ctx.request();
        if (!isUri(request.uri())) {
            closeUnlessCheapToDrain(ctx);
            malformedUrl(ctx);
            return;
        }
        String method = request.method().name();
        String path = ctx.normalizedPath();
        String route = RouteTemplates.of(path);
        Context requestContext = ctx.vertx().getOrCreateContext();
        ctx.addHeadersEndHandler(v -> UpstreamMetricsTag.route(requestContext,
                RouteTemplates.forAnswer(route, ctx.response().getStatusCode())));
        ApiSurface surface = ApiSurface.CANONICAL;
        Optional<Dialects.Located> located = Dialects.locate(path);
        if (located.isPresent()) {
            // A dialect's request is admitted as the canonical request it stands for (its scope),
            // counted in the dialect's own rate-limit counters.
            Dialect dialect = located.get().dialect();
            ctx.put(DIALECT, dialect);
            surface = DialectRequests.surface(dialect);
            Optional<Exchange> exchange = dialect.open(method, located.get().path());
            if (exchange.isPresent()) {
                ctx.put(EXCHANGE, exchange.get());
                method = exchange.get().method();
                path = exchange.get().path();
            }
        }
        ctx.put(SURFACE, surface.name());
        AdmitRequestCommand command = new AdmitRequestCommand(request.getHeader(ForwardingRules.AUTHORIZATION),
                clientAddress(request), method, path, surface);
        onEventLoop(ctx, () -> admitRequest.admit(command), this::admitted);
    }

    private void admitted(RoutingContext ctx, Admission admission) {
        RateLimitDecision limit = admission.rateLimit();
        ctx.put(RATE_LIMIT_DECISION, limit);
        rateLimitHeaders(ctx.response(), limit);
        if (admission instanceof Admission.Admitted admitted) {
            ctx.put(CALLER, admitted.caller());
            Dialect dialect = ctx.get(DIALECT);
            if (dialect != null && ctx.get(EXCHANGE) == null) {
                closeUnlessCheapToDrain(ctx);
                unknownInDialect(ctx, dialect);
                return;
            }
            ctx.next();
            return;
        }
        closeUnlessCheapToDrain(ctx);
        if (admission instanceof Admission.Forbidden forbidden) {
            ctx.put(CALLER, forbidden.caller());
            error(ctx, 403, INVALID_REQUEST, ErrorCodes.INSUFFICIENT_PERMISSIONS,
                    "This API key or access token does not allow this request: it needs the scope '"
                            + forbidden.needed().wireName() + "'. Use a key or token with that scope, or a secret key.");
        } else if (admission instanceof Admission.RateLimited limited) {
            limited.caller().ifPresent(caller -> ctx.put(CALLER, caller));
            // paysuite_gateway_rate_limited_total{api}: the refusals an alert or a dashboard watches
            meters.counter("paysuite.gateway.rate.limited", "api", ctx.<String>get(SURFACE)).increment();
            ctx.response().putHeader("Retry-After", String.valueOf(limit.retryAfterSeconds()));
            error(ctx, 429, RATE_LIMIT, ErrorCodes.RATE_LIMIT_EXCEEDED,
                    "Too many requests. Retry after " + limit.retryAfterSeconds() + " s.");
        } else if (admission instanceof Admission.Unauthenticated unauthenticated) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"paysuite\"");
            if (unauthenticated.keyPresented()) {
                error(ctx, 401, AUTHENTICATION, ErrorCodes.API_KEY_INVALID,
                        "Invalid API key or access token provided.");
            } else {
                error(ctx, 401, AUTHENTICATION, ErrorCodes.API_KEY_MISSING,
                        "No API key provided. Send it as 'Authorization: Bearer sk_...'.");
            }
        } else {
            ctx.response().putHeader("Retry-After", UNAVAILABLE_RETRY_AFTER_SECONDS);
            error(ctx, 503, API, ErrorCodes.SERVICE_UNAVAILABLE,
                    "API keys cannot be checked right now. Retry shortly.");
        }
    }

    /**
     * Reads the body as raw bytes (Vert.x's BodyHandler would decode forms, and refuse large ones):
     * the service, not the gateway, interprets it. A body over the limit is refused 413, one that is
     * not declared JSON 415 ({@link RequestBodies}), both before a byte of it is read.
     */
    private void readBody(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long declared = declaredLength(request);
        if (declared > maxBodyBytes) {
            ctx.fail(413);
            return;
        }
        if (RequestBodies.carriesBody(declared, request.headers().contains(HttpHeaders.TRANSFER_ENCODING))
                && !RequestBodies.isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            ctx.fail(415);
            return;
        }
        String expect = request.getHeader(HttpHeaders.EXPECT);
        if (expect != null) {
            if (!expect.equalsIgnoreCase("100-continue")) {
                ctx.fail(417);
                return;
            }
            if (request.version() != HttpVersion.HTTP_1_0 && !request.isEnded()) {
                ctx.response().writeContinue(); // only now: a refused client never uploads its body
            }
        }
        if (request.isEnded()) {
            forward(ctx, Buffer.buffer());
            return;
        }
        Buffer body = Buffer.buffer(declared > 0 ? (int) declared : 1024);
        boolean[] tooLarge = {false};
        request.pause(); // until every handler below is in place
        request.handler(chunk -> {
            if (tooLarge[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBodyBytes) {
                tooLarge[0] = true;
                ctx.fail(413);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(ctx::fail);
        request.endHandler(end -> {
            if (!tooLarge[0]) {
                forward(ctx, body);
            }
        });
        request.resume();
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void forward(RoutingContext ctx, Buffer body) {
        HttpServerRequest request = ctx.request();
        Headers.Builder builder = Headers.builder();
        request.headers().forEach(header -> builder.add(header.getKey(), header.getValue()));
        Headers headers = builder.build();
        ClientConnection client = new ClientConnection(clientAddress(request), request.scheme(),
                request.authority() == null ? null : request.authority().toString());
        Exchange exchange = ctx.get(EXCHANGE);
        if (exchange != null) {
            byte[] sent = body.getBytes();
            Translation translation;
            try {
                translation = exchange.request(request.query(), sent);
            } catch (DialectRefusal refused) {
                dialectError(ctx, refused.status(), refused.error());
                return;
            } finally {
                Arrays.fill(sent, (byte) 0); // it may hold a card: the canonical body carries it on
            }
            translated(ctx, exchange, translation, headers, client);
            return;
        }
        onEventLoop(ctx, () -> forwardRequest.forward(new ForwardRequestCommand(ctx.get(CALLER), ctx.get(REQUEST_ID),
                        request.method().name(), ctx.normalizedPath(), request.query(), headers, client,
                        body.getBytes())),
                this::forwarded);
    }

    /**
     * A dialect's request, translated: sent as the canonical request, or first the canonical
     * resource it needs is read (as the same caller), and the request translated again with it.
     */
    private void translated(RoutingContext ctx, Exchange exchange, Translation translation, Headers headers,
            ClientConnection client) {
        if (translation instanceof CanonicalRequest canonical) {
            onEventLoop(ctx, () -> forwardRequest.forward(new ForwardRequestCommand(ctx.get(CALLER),
                            ctx.get(REQUEST_ID), exchange.method(), exchange.path(), canonical.query(),
                            DialectRequests.canonicalHeaders(headers, canonical), client, canonical.body())),
                    this::forwarded);
            return;
        }
        Translation.Lookup lookup = (Translation.Lookup) translation;
        onEventLoop(ctx, () -> forwardRequest.forward(new ForwardRequestCommand(ctx.get(CALLER), ctx.get(REQUEST_ID),
                        "GET", lookup.path(), null, DialectRequests.lookupHeaders(headers), client, new byte[0])),
                (c, result) -> {
                    if (result instanceof ForwardResult.Answered answered && answered.response().status() == 200) {
                        Translation next;
                        try {
                            next = lookup.then().apply(answered.response().body());
                        } catch (DialectRefusal refused) {
                            dialectError(c, refused.status(), refused.error());
                            return;
                        }
                        translated(c, exchange, next, headers, client);
                    } else {
                        forwarded(c, result);
                    }
                });
    }

    private void forwarded(RoutingContext ctx, ForwardResult result) {
        Context requestContext = ctx.vertx().getOrCreateContext();
        Exchange exchange = ctx.get(EXCHANGE);
        if (result instanceof ForwardResult.Answered answered && exchange != null) {
            UpstreamMetricsTag.forwardedTo(requestContext, answered.upstream());
            UpstreamResponse canonical = answered.response();
            DialectAnswer answer = exchange.answer(canonical.status(), canonical.body());
            HttpServerResponse response = ctx.response().setStatusCode(answer.status());
            DialectRequests.answerHeaders(canonical.headers()).forEach(response.headers()::add);
            response.putHeader(HttpHeaders.CONTENT_TYPE, DialectRequests.JSON);
            if (!response.headers().contains(HttpHeaders.CACHE_CONTROL)) {
                response.putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
            }
            response.end(Buffer.buffer(answer.body()));
        } else if (result instanceof ForwardResult.Answered answered) {
            UpstreamMetricsTag.forwardedTo(requestContext, answered.upstream());
            UpstreamResponse answer = answered.response();
            HttpServerResponse response = ctx.response().setStatusCode(answer.status());
            answer.headers().forEach(response.headers()::add);
            if (!response.headers().contains(HttpHeaders.CACHE_CONTROL)) {
                response.putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE); // payments are nobody's to keep
            }
            response.end(Buffer.buffer(answer.body()));
        } else if (result instanceof ForwardResult.Streaming streaming) {
            UpstreamMetricsTag.forwardedTo(requestContext, streaming.upstream());
            stream(ctx, streaming, requestContext);
        } else if (result instanceof ForwardResult.NoRoute) {
            error(ctx, 404, INVALID_REQUEST, ErrorCodes.URL_UNKNOWN,
                    "Unrecognized request URL (" + ctx.request().method().name() + ": " + ctx.normalizedPath() + ").");
        } else if (result instanceof ForwardResult.TimedOut timedOut) {
            UpstreamMetricsTag.forwardedTo(requestContext, timedOut.upstream());
            error(ctx, 504, API, ErrorCodes.UPSTREAM_TIMEOUT,
                    "The service did not answer in time. Retry with the same Idempotency-Key.");
        } else if (result instanceof ForwardResult.Unavailable unavailable) {
            UpstreamMetricsTag.forwardedTo(requestContext, unavailable.upstream());
            // Nothing answered, so there is nothing to pass on; a 503 says "try again", which may
            // reach an instance that is back (the request may have arrived, hence the Idempotency-Key).
            ctx.response().putHeader("Retry-After", UNAVAILABLE_RETRY_AFTER_SECONDS);
            error(ctx, 503, API, ErrorCodes.UPSTREAM_UNAVAILABLE,
                    "The service is unavailable. Retry shortly with the same Idempotency-Key.");
        } else if (result instanceof ForwardResult.Refused refused) {
            error(ctx, refused.status(), refused.type(), refused.code(), refused.message(),
                    refused.param());
        } else if (result instanceof ForwardResult.CardNotTokenized failed) {
            UpstreamMetricsTag.forwardedTo(requestContext, failed.upstream());
            if (failed.defect()) {
                error(ctx, 502, API, ErrorCodes.INTERNAL_ERROR,
                        "The card could not be tokenized because of a fault on our end. The payment was not created "
                                + "and nothing was charged.");
            } else {
                ctx.response().putHeader("Retry-After", UNAVAILABLE_RETRY_AFTER_SECONDS);
                error(ctx, 503, API, ErrorCodes.UPSTREAM_UNAVAILABLE,
                        "The card could not be tokenized right now. The payment was not created and nothing was "
                                + "charged; retry shortly with the same Idempotency-Key.");
            }
        } else {
            ctx.fail(new IllegalStateException("Unexpected forwarding result " + result.getClass().getSimpleName()));
        }
    }

    private void stream(RoutingContext ctx, ForwardResult.Streaming streaming, Context requestContext) {
        StreamedBody body = streaming.body();
        StreamRelay relay = new StreamRelay(ctx.request(), body, requestContext, ctx.get(REQUEST_ID));
        try {
            HttpServerResponse response = ctx.response().setStatusCode(streaming.status());
            streaming.headers().forEach(response.headers()::add);
            response.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .putHeader(X_ACCEL_BUFFERING, "no")
                    .setChunked(true);
            ctx.addEndHandler(done -> relay.clientGone());
            response.writeHead();
        } catch (RuntimeException e) {
            body.cancel();
            throw e;
        }
        body.open(relay);
    }

    /**
     * A result the client will never see lets go of what it holds: a stream's body is cancelled, so
     * its connection to the service is closed rather than left taken.
     */
    private static void abandon(Object result) {
        if (result instanceof ForwardResult.Streaming streaming) {
            streaming.body().cancel();
        }
    }

    /**
     * Runs an asynchronous step and continues on this request's event loop: the database, Redis
     * and the HTTP client complete on their own threads. Nothing is written once the client is gone.
     */
    private <T> void onEventLoop(RoutingContext ctx, Supplier<CompletionStage<T>> step,
            BiConsumer<RoutingContext, T> then) {
        Context context = ctx.vertx().getOrCreateContext();
        CompletionStage<T> stage;
        try {
            stage = step.get();
        } catch (RuntimeException e) {
            ctx.fail(e);
            return;
        }
        stage.whenComplete((value, failure) -> context.runOnContext(v -> {
            if (ctx.response().ended() || ctx.response().closed()) {
                abandon(value);
                return;
            }
            if (failure != null) {
                ctx.fail(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
                return;
            }
            try {
                then.accept(ctx, value);
            } catch (RuntimeException e) {
                ctx.fail(e);
            }
        }));
    }

    private void failed(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        RateLimitDecision limit = ctx.get(RATE_LIMIT_DECISION);
        if (limit != null) {
            rateLimitHeaders(response, limit);
        }
        int status = ctx.statusCode();
        if (status == 413) {
            closeUnlessCheapToDrain(ctx);
            error(ctx, 413, INVALID_REQUEST, ErrorCodes.REQUEST_TOO_LARGE,
                    "The request body is larger than " + maxBodyBytes + " bytes.");
        } else if (status == 415) {
            closeUnlessCheapToDrain(ctx);
            error(ctx, 415, INVALID_REQUEST, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request body as JSON, with 'Content-Type: application/json'.");
        } else if (status >= 400 && status < 500) {
            error(ctx, status, INVALID_REQUEST, ErrorCodes.REQUEST_INVALID, "The request is not valid.");
        } else {
            LOG.errorf(ctx.failure(), "Request %s failed", (Object) ctx.get(REQUEST_ID));
            error(ctx, 500, API, ErrorCodes.INTERNAL_ERROR, "Something went wrong on our end.");
        }
    }

    /** The gateway's own refusals as the error object, or in the request's dialect when it speaks one. */
    private static void error(RoutingContext ctx, int status, ErrorType type, String code, String message) {
        error(ctx, status, type.wireName(), code, message, null);
    }

    private static void error(RoutingContext ctx, int status, String type, String code, String message, String param) {
        Dialect dialect = ctx.get(DIALECT);
        if (dialect == null) {
            ApiErrors.send(ctx.response(), status, type, code, message, param);
        } else {
            dialectError(ctx, status, new ApiError(type, code, message, param));
        }
    }

    private static void dialectError(RoutingContext ctx, int status, ApiError error) {
        Dialect dialect = ctx.get(DIALECT);
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, DialectRequests.JSON)
                .end(Buffer.buffer(dialect.error(status, error)));
    }

    /** A path below a dialect's base path that the dialect has no endpoint (or no such method) for. */
    private static void unknownInDialect(RoutingContext ctx, Dialect dialect) {
        String method = ctx.request().method().name();
        String below = Dialects.locate(ctx.normalizedPath()).map(Dialects.Located::path).orElse("");
        Set<String> allowed = dialect.allowedMethods(below);
        if (allowed.isEmpty()) {
            error(ctx, 404, INVALID_REQUEST, ErrorCodes.URL_UNKNOWN,
                    "Unrecognized request URL (" + method + ": " + ctx.normalizedPath() + ").");
        } else {
            ctx.response().putHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
            error(ctx, 405, INVALID_REQUEST, ErrorCodes.METHOD_NOT_ALLOWED,
                    "Method " + method + " is not allowed at " + ctx.normalizedPath() + ". Allowed: "
                            + String.join(", ", allowed) + ".");
        }
    }

    /**
     * A refused request's unread body is drained after the answer so the connection can be reused;
     * one too large for that, or of unknown length, closes the connection instead.
     */
    private static void closeUnlessCheapToDrain(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded() || request.version() == HttpVersion.HTTP_2) {
            return;
        }
        long declared = declaredLength(request);
        boolean cheap = declared >= 0 ? declared <= MAX_DRAINED_BYTES
                : !request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (!cheap) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
    }

    private static void rateLimitHeaders(HttpServerResponse response, RateLimitDecision decision) {
        response.putHeader("X-RateLimit-Limit", String.valueOf(decision.limit()))
                .putHeader("X-RateLimit-Remaining", String.valueOf(decision.remaining()))
                .putHeader("X-RateLimit-Reset", String.valueOf(decision.resetEpochSeconds()));
    }

    /** One line per request: never a key, a body or a query string (those can hold secrets). */
    private static void accessLog(RoutingContext ctx, AsyncResult<Void> done) {
        Long started = ctx.get(STARTED);
        long millis = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
        Caller caller = ctx.get(CALLER);
        ACCESS.infof("%s %s %s %s %dms merchant=%s", ctx.get(REQUEST_ID), ctx.request().method().name(),
                ctx.normalizedPath(), done.succeeded() ? String.valueOf(ctx.response().getStatusCode()) : "aborted",
                millis, caller == null ? "-" : caller.merchantId());
    }

    /**
     * The client's address: the peer's, or, when the peer is one of Quarkus's trusted proxies
     * ({@code quarkus.http.proxy.trusted-proxies}), the first {@code X-Forwarded-For} entry it sent.
     */
    private static String clientAddress(HttpServerRequest request) {
        String address = address(request.remoteAddress());
        if (address == null) {
            // A trusted proxy forwarded an empty address: the peer is all that is known.
            address = address(request.connection().remoteAddress());
        }
        return address == null ? "unknown" : address;
    }

    private static String address(SocketAddress remote) {
        if (remote == null) {
            return null;
        }
        String address = remote.hostAddress() != null ? remote.hostAddress() : remote.host();
        return address == null || address.isBlank() ? null : address;
    }
}
