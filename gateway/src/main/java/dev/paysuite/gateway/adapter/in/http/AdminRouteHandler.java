package dev.paysuite.gateway.adapter.in.http;

import static dev.paysuite.kernel.error.ErrorType.API;
import static dev.paysuite.kernel.error.ErrorType.AUTHENTICATION;
import static dev.paysuite.kernel.error.ErrorType.INVALID_REQUEST;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.gateway.application.domain.model.AdminActor;
import dev.paysuite.gateway.application.domain.model.AdminAuthentication;
import dev.paysuite.gateway.application.domain.model.AuditEvent;
import dev.paysuite.gateway.application.domain.model.GracePeriod;
import dev.paysuite.gateway.application.domain.model.IssuedKey;
import dev.paysuite.gateway.application.domain.model.ManagedKey;
import dev.paysuite.gateway.application.domain.model.Merchant;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.domain.model.RequestBodies;
import dev.paysuite.gateway.application.domain.model.Scope;
import dev.paysuite.gateway.application.domain.model.ForwardingRules;
import dev.paysuite.gateway.application.port.in.AdministerMerchantsUseCase;
import dev.paysuite.gateway.application.port.in.AdministerMerchantsUseCase.CreateKeyCommand;
import dev.paysuite.gateway.application.port.in.AuthenticateAdminUseCase;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The admin API ({@code /admin/...}), served by the gateway itself: never forwarded, never counted
 * as a merchant's request. Only an access token with the realm role {@code admin} gets in (no token,
 * an API key or an invalid token: 401; a valid token without the role: 403). Bodies are JSON objects;
 * every bad value is a 400 naming its parameter, an unknown merchant or key a 404, a wrong method a
 * 405. The use cases block (JDBC, transactions), so they run on a worker thread.
 */
@ApplicationScoped
public class AdminRouteHandler {
    private static final Logger ACCESS = Logger.getLogger("dev.paysuite.gateway.access");
    private static final Logger LOG = Logger.getLogger(AdminRouteHandler.class);
    /** Before the catch-all that forwards to the services. */
    private static final int ORDER = 9_000;
    private static final int MAX_BODY_BYTES = 64 * 1024;
    /** Ids this API hands out: a prefix and base62. Anything else names nothing (and never reaches SQL). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern MERCHANT = Pattern.compile("/admin/merchants/([^/]+)");
    private static final Pattern MERCHANT_KEYS = Pattern.compile("/admin/merchants/([^/]+)/keys");
    private static final Pattern KEY_ACTION = Pattern.compile("/admin/keys/([^/]+)/(roll|revoke|limits)");
    /** The API's parameter names for the domain's field names. */
    private static final Map<String, String> PARAMS = Map.of("gracePeriodSeconds", "grace_period_seconds",
            "windowSeconds", "window_seconds", "startingAfter", "starting_after", "endingBefore", "ending_before");

    private final AuthenticateAdminUseCase authenticate;
    private final AdministerMerchantsUseCase admin;
    private final ObjectMapper json = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public AdminRouteHandler(AuthenticateAdminUseCase authenticate, AdministerMerchantsUseCase admin) {
        this.authenticate = authenticate;
        this.admin = admin;
    }

    void register(@Observes Router router) {
        router.routeWithRegex("/admin(/.*)?").order(ORDER).handler(this::handle);
    }

    /** A bad request: the message names the parameter with the API's name. */
    private static final class BadRequest extends RuntimeException {
        final int status;
        final String code;
        final String param;

        BadRequest(int status, String code, String message, String param) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.param = param;
        }

        static BadRequest invalid(String param, String message) {
            return new BadRequest(400, ErrorCodes.PARAMETER_INVALID, message, param);
        }
    }

    /** One endpoint: what it does with the actor, the path's captured id and the body. */
    private interface Action {
        Object run(AdminActor actor, String id, JsonNode body, RoutingContext ctx);
    }

    private record Endpoint(Action action, int status, boolean readsBody) {
    }

    private void handle(RoutingContext ctx) {
        String requestId = RequestIds.next();
        long started = System.nanoTime();
        String[] actor = {"-"};
        ctx.response().putHeader(ForwardingRules.REQUEST_ID, requestId);
        ctx.addEndHandler(done -> ACCESS.infof("%s %s %s %s %dms admin=%s", requestId, ctx.request().method().name(),
                ctx.normalizedPath(), done.succeeded() ? String.valueOf(ctx.response().getStatusCode()) : "aborted",
                (System.nanoTime() - started) / 1_000_000, actor[0]));
        var context = ctx.vertx().getOrCreateContext();
        authenticate.authenticate(ctx.request().getHeader(ForwardingRules.AUTHORIZATION))
                .whenComplete((authentication, failure) -> context.runOnContext(v -> {
                    if (failure != null) {
                        unavailable(ctx, failure);
                    } else if (authentication instanceof AdminAuthentication.Admin admitted) {
                        actor[0] = admitted.actor().clientId();
                        route(ctx, admitted.actor());
                    } else {
                        refuse(ctx, authentication);
                    }
                }));
    }

    private void refuse(RoutingContext ctx, AdminAuthentication authentication) {
        drain(ctx);
        if (authentication instanceof AdminAuthentication.Forbidden) {
            ApiErrors.send(ctx.response(), 403, INVALID_REQUEST, ErrorCodes.INSUFFICIENT_PERMISSIONS,
                    "The admin API needs an access token with the realm role 'admin'.");
        } else if (authentication instanceof AdminAuthentication.Unavailable) {
            ctx.response().putHeader("Retry-After", "1");
            ApiErrors.send(ctx.response(), 503, API, ErrorCodes.SERVICE_UNAVAILABLE,
                    "Access tokens cannot be checked right now. Retry shortly.");
        } else {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"paysuite-admin\"");
            boolean missing = authentication instanceof AdminAuthentication.Missing;
            ApiErrors.send(ctx.response(), 401, AUTHENTICATION,
                    missing ? ErrorCodes.API_KEY_MISSING : ErrorCodes.API_KEY_INVALID,
                    missing ? "No access token provided. Send an admin's token as 'Authorization: Bearer <token>'."
                            : "The admin API takes an admin's access token, valid and unexpired; API keys are no way in.");
        }
    }

    private void route(RoutingContext ctx, AdminActor actor) {
        String path = ctx.normalizedPath();
        String method = ctx.request().method().name();
        Map<String, Endpoint> byMethod;
        String id = null;
        Matcher m;
        if (path.equals("/admin/merchants")) {
            byMethod = Map.of("POST", new Endpoint((a, i, body, c) -> createMerchant(a, body), 201, true));
        } else if (path.equals("/admin/audit_events")) {
            byMethod = Map.of("GET", new Endpoint((a, i, body, c) -> auditEvents(c), 200, false));
        } else if ((m = MERCHANT_KEYS.matcher(path)).matches()) {
            id = m.group(1);
            byMethod = Map.of("POST", new Endpoint(this::createKey, 201, true),
                    "GET", new Endpoint((a, i, body, c) -> list(admin.keys(i), AdminRouteHandler::key), 200, false));
        } else if ((m = MERCHANT.matcher(path)).matches()) {
            id = m.group(1);
            byMethod = Map.of("GET", new Endpoint((a, i, body, c) -> merchant(admin.merchant(i)), 200, false));
        } else if ((m = KEY_ACTION.matcher(path)).matches()) {
            id = m.group(1);
            byMethod = Map.of("POST", switch (m.group(2)) {
                case "roll" -> new Endpoint(this::roll, 201, true);
                case "revoke" -> new Endpoint((a, i, body, c) -> {
                    fields(body, Set.of());
                    return key(admin.revokeKey(a, i));
                }, 200, true);
                default -> new Endpoint(this::limits, 200, true);
            });
        } else {
            drain(ctx);
            ApiErrors.send(ctx.response(), 404, INVALID_REQUEST, ErrorCodes.URL_UNKNOWN,
                    "Unrecognized request URL (" + method + ": " + printable(path) + ").");
            return;
        }
        Endpoint endpoint = byMethod.get(method);
        if (endpoint == null) {
            drain(ctx);
            ctx.response().putHeader("Allow", String.join(", ", byMethod.keySet()));
            ApiErrors.send(ctx.response(), 405, INVALID_REQUEST, ErrorCodes.METHOD_NOT_ALLOWED,
                    "This URL does not take " + method + "; it takes " + String.join(", ", byMethod.keySet()) + ".");
            return;
        }
        if (id != null && !ID.matcher(id).matches()) {
            drain(ctx);
            ApiErrors.send(ctx.response(), 404, INVALID_REQUEST, ErrorCodes.RESOURCE_MISSING,
                    "No such " + (path.startsWith("/admin/keys/") ? "API key" : "merchant") + ".");
            return;
        }
        String pathId = id;
        if (endpoint.readsBody()) {
            readBody(ctx, body -> run(ctx, () -> endpoint.action().run(actor, pathId, parse(body), ctx), endpoint));
        } else {
            drain(ctx);
            run(ctx, () -> endpoint.action().run(actor, pathId, null, ctx), endpoint);
        }
    }

    private void run(RoutingContext ctx, Callable<Object> work, Endpoint endpoint) {
        ctx.vertx().executeBlocking(work, false).onComplete(done -> {
            if (ctx.response().ended() || ctx.response().closed()) {
                return;
            }
            if (done.succeeded()) {
                // a key's secret is in some answers: no cache anywhere may keep any of them
                ctx.response().setStatusCode(endpoint.status()).putHeader("Content-Type", "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .end(((JsonObject) done.result()).encode());
            } else {
                fail(ctx, done.cause());
            }
        });
    }

    private void fail(RoutingContext ctx, Throwable failure) {
        if (failure instanceof BadRequest bad) {
            ApiErrors.send(ctx.response(), bad.status, INVALID_REQUEST.wireName(), bad.code, bad.getMessage(), bad.param);
        } else if (failure instanceof DomainException refused) {
            int status = switch (refused.kind()) {
                case INVALID -> 400;
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case UNPROCESSABLE -> 422;
                case UNAVAILABLE -> 503;
            };
            UnaryOperator<String> naming = AdminRouteHandler::param;
            ApiErrors.send(ctx.response(), status, INVALID_REQUEST.wireName(), refused.code(), refused.message(naming),
                    refused.field() == null ? null : naming.apply(refused.field()));
        } else {
            unavailable(ctx, failure);
        }
    }

    private static void unavailable(RoutingContext ctx, Throwable failure) {
        LOG.warnf("An admin request could not be served: %s", failure.toString());
        ctx.response().putHeader("Retry-After", "1");
        ApiErrors.send(ctx.response(), 503, API, ErrorCodes.SERVICE_UNAVAILABLE,
                "The admin API cannot serve this right now. Retry shortly.");
    }

    private static String param(String field) {
        return PARAMS.getOrDefault(field, field);
    }

    // --- Endpoints (on a worker thread) -------------------------------------------------------------

    private JsonObject createMerchant(AdminActor actor, JsonNode body) {
        fields(body, Set.of("name"));
        return merchant(admin.createMerchant(actor, text(body, "name", null)));
    }

    private JsonObject createKey(AdminActor actor, String merchantId, JsonNode body, RoutingContext ctx) {
        fields(body, Set.of("mode", "type", "scopes", "rate_limit"));
        Mode mode = switch (text(body, "mode", "test")) {
            case "test" -> Mode.TEST;
            case "live" -> Mode.LIVE;
            default -> throw BadRequest.invalid("mode", "mode must be 'test' or 'live'.");
        };
        boolean restricted = switch (text(body, "type", "secret")) {
            case "secret" -> false;
            case "restricted" -> true;
            default -> throw BadRequest.invalid("type", "type must be 'secret' or 'restricted'.");
        };
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        JsonNode given = body.get("scopes");
        if (given != null && !given.isNull()) {
            if (!given.isArray()) {
                throw BadRequest.invalid("scopes", "scopes must be an array of scope names, such as [\"payments:read\"].");
            }
            for (JsonNode scope : given) {
                if (!scope.isTextual()) {
                    throw BadRequest.invalid("scopes", "scopes must be an array of scope names (strings).");
                }
                scopes.add(Scope.fromWire(scope.asText()).orElseThrow(() -> BadRequest.invalid("scopes",
                        "Unknown scope '" + printable(scope.asText()) + "'. Scopes: " + scopeNames() + ".")));
            }
        }
        RateLimitPolicy rateLimit = null;
        JsonNode limits = body.get("rate_limit");
        if (limits != null && !limits.isNull()) {
            if (!limits.isObject()) {
                throw BadRequest.invalid("rate_limit", "rate_limit must be an object with limit, window_seconds and burst.");
            }
            rateLimit = policy(limits, "rate_limit[", "]");
        }
        IssuedKey issued = admin.createKey(new CreateKeyCommand(actor, merchantId, mode, restricted, scopes, rateLimit));
        return issued(issued);
    }

    private JsonObject roll(AdminActor actor, String keyId, JsonNode body, RoutingContext ctx) {
        fields(body, Set.of("grace_period_seconds"));
        GracePeriod grace = body.has("grace_period_seconds") && !body.get("grace_period_seconds").isNull()
                ? GracePeriod.ofSeconds(integer(body, "grace_period_seconds", "grace_period_seconds"))
                : GracePeriod.DEFAULT;
        return issued(admin.rollKey(actor, keyId, grace));
    }

    private JsonObject limits(AdminActor actor, String keyId, JsonNode body, RoutingContext ctx) {
        fields(body, Set.of("limit", "window_seconds", "burst"));
        return key(admin.setLimits(actor, keyId, policy(body, "", "")));
    }

    private JsonObject auditEvents(RoutingContext ctx) {
        List<String> limits = ctx.queryParam("limit");
        List<String> after = ctx.queryParam("starting_after");
        for (String name : ctx.queryParams().names()) {
            if (!name.equals("limit") && !name.equals("starting_after")) {
                throw new BadRequest(400, ErrorCodes.PARAMETER_UNKNOWN,
                        "Unknown parameter: " + printable(name) + ".", printable(name));
            }
        }
        if (limits.size() > 1 || after.size() > 1) {
            throw BadRequest.invalid(limits.size() > 1 ? "limit" : "starting_after", "Give each parameter once.");
        }
        int limit = PageQuery.DEFAULT_LIMIT;
        if (!limits.isEmpty()) {
            try {
                limit = Integer.parseInt(limits.get(0));
            } catch (NumberFormatException e) {
                throw BadRequest.invalid("limit", "limit must be an integer between 1 and " + PageQuery.MAX_LIMIT + ".");
            }
        }
        String cursor = after.isEmpty() || after.get(0).isEmpty() ? null : after.get(0);
        if (cursor != null && !ID.matcher(cursor).matches()) {
            throw new BadRequest(400, ErrorCodes.RESOURCE_MISSING, "starting_after names nothing in this list.",
                    "starting_after");
        }
        Page<AuditEvent> page = admin.auditEvents(new PageQuery(limit, cursor, null, 0));
        return new JsonObject().put("object", "list").put("url", "/admin/audit_events")
                .put("data", new JsonArray(page.data().stream().map(AdminRouteHandler::auditEvent).toList()))
                .put("has_more", page.hasMore());
    }

    // --- Reading bodies -----------------------------------------------------------------------------

    /** The body, up to {@link #MAX_BODY_BYTES}; a larger one is refused 413 and not read further. */
    private void readBody(RoutingContext ctx, java.util.function.Consumer<Buffer> then) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.trim().matches("[0-9]{1,18}") && Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
            tooLarge(ctx);
            return;
        }
        long declared = length != null && length.trim().matches("[0-9]{1,18}") ? Long.parseLong(length.trim()) : -1;
        if (RequestBodies.carriesBody(declared, request.headers().contains(HttpHeaders.TRANSFER_ENCODING))
                && !RequestBodies.isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ApiErrors.send(ctx.response(), 415, INVALID_REQUEST, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request body as JSON, with 'Content-Type: application/json'.");
            return;
        }
        if (!request.isEnded() && "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))
                && request.version() != HttpVersion.HTTP_1_0) {
            ctx.response().writeContinue();
        }
        BoundedBody.read(ctx, MAX_BODY_BYTES, () -> tooLarge(ctx), then);
    }

    private static void tooLarge(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        ApiErrors.send(ctx.response(), 413, INVALID_REQUEST, ErrorCodes.REQUEST_TOO_LARGE,
                "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
    }

    /** A refusal before the body was read: the connection is closed rather than left with an unread body. */
    private static void drain(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            request.handler(chunk -> { });
            request.resume();
        }
    }

    /** The body as a JSON object; an empty body is an empty object. */
    private JsonNode parse(Buffer body) {
        if (body.length() == 0) {
            return json.createObjectNode();
        }
        JsonNode node;
        try {
            node = json.readTree(body.getBytes());
        } catch (JsonProcessingException e) {
            throw new BadRequest(400, ErrorCodes.INVALID_JSON, "The request body is not valid JSON"
                    + (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                            ? ": a member is given twice." : "."), null);
        } catch (IOException e) {
            throw new BadRequest(400, ErrorCodes.INVALID_JSON, "The request body is not valid JSON.", null);
        }
        if (node == null || !node.isObject()) {
            throw new BadRequest(400, ErrorCodes.INVALID_JSON, "The request body must be a JSON object.", null);
        }
        return node;
    }

    private static void fields(JsonNode body, Set<String> known) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new BadRequest(400, ErrorCodes.PARAMETER_UNKNOWN, "Unknown parameter: " + printable(name)
                        + (known.isEmpty() ? "; this request takes none." : "; it takes " + String.join(", ", known) + "."),
                        printable(name));
            }
        }
    }

    /** A string member, or {@code orElse} when absent or null; control characters are refused. */
    private static String text(JsonNode body, String name, String orElse) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return orElse;
        }
        if (!value.isTextual()) {
            throw BadRequest.invalid(name, name + " must be a string.");
        }
        if (value.asText().codePoints().anyMatch(Character::isISOControl)) {
            throw BadRequest.invalid(name, name + " must not contain control characters.");
        }
        return value.asText();
    }

    private static int integer(JsonNode body, String name, String param) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            throw new BadRequest(400, ErrorCodes.PARAMETER_MISSING, "Missing required parameter: " + param + ".", param);
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw BadRequest.invalid(param, param + " must be an integer.");
        }
        return value.intValue();
    }

    private static RateLimitPolicy policy(JsonNode limits, String before, String after) {
        if (limits != null && before.length() > 0) {
            fields(limits, Set.of("limit", "window_seconds", "burst"));
        }
        Function<String, String> param = name -> before + name + after;
        int limit = integer(limits, "limit", param.apply("limit"));
        int window = integer(limits, "window_seconds", param.apply("window_seconds"));
        int burst = integer(limits, "burst", param.apply("burst"));
        try {
            return RateLimitPolicy.bounded(limit, window, burst);
        } catch (DomainException e) {
            String name = param(e.field());
            throw new BadRequest(400, e.code(), e.message(field -> param.apply(param(field))), param.apply(name));
        }
    }

    /** The text with control characters replaced, for messages that quote what a client sent. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 100));
        text.codePoints().limit(100).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '\uFFFD' : c));
        return out.toString();
    }

    private static String scopeNames() {
        return String.join(", ", java.util.Arrays.stream(Scope.values()).map(Scope::wireName).toList());
    }

    // --- Answers ------------------------------------------------------------------------------------

    private static JsonObject list(List<ManagedKey> keys, Function<ManagedKey, JsonObject> render) {
        return new JsonObject().put("object", "list")
                .put("data", new JsonArray(keys.stream().map(render).toList())).put("has_more", false);
    }

    private static JsonObject merchant(Merchant merchant) {
        return new JsonObject().put("id", merchant.id()).put("object", "merchant").put("name", merchant.name())
                .put("created_at", timestamp(merchant.createdAt()));
    }

    private static JsonObject key(ManagedKey key) {
        JsonObject rateLimit = new JsonObject().put("limit", key.rateLimit().limit())
                .put("window_seconds", key.rateLimit().windowSeconds()).put("burst", key.rateLimit().burst());
        JsonObject json = new JsonObject().put("id", key.id()).put("object", "api_key")
                .put("merchant_id", key.merchantId()).put("mode", key.mode().wireName())
                .put("type", key.restricted() ? "restricted" : "secret");
        if (key.restricted()) {
            json.put("scopes", new JsonArray(key.permissions().scopes().stream().sorted().map(Scope::wireName).toList()));
        }
        return json.put("prefix", key.prefix()).put("rate_limit", rateLimit)
                .put("created_at", timestamp(key.createdAt())).put("expires_at", timestamp(key.expiresAt()))
                .put("revoked_at", timestamp(key.revokedAt()));
    }

    /** The one answer with the secret in it. */
    private static JsonObject issued(IssuedKey issued) {
        return key(issued.key()).put("secret", issued.secret().reveal());
    }

    private static JsonObject auditEvent(AuditEvent event) {
        JsonObject actor = new JsonObject().put("client_id", event.actor().clientId())
                .put("subject", event.actor().subject()).put("username", event.actor().username());
        return new JsonObject().put("id", event.id().value()).put("object", "audit_event")
                .put("action", event.action().wireName()).put("actor", actor).put("merchant_id", event.merchantId())
                .put("object_id", event.objectId()).put("details", new JsonObject(new java.util.LinkedHashMap<String, Object>(event.details())))
                .put("created_at", timestamp(event.createdAt()));
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
