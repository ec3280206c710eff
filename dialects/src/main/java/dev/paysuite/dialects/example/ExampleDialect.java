package dev.paysuite.dialects.example;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.dialects.ApiError;
import dev.paysuite.dialects.CanonicalRequest;
import dev.paysuite.dialects.DialectAnswer;
import dev.paysuite.dialects.DialectRefusal;
import dev.paysuite.dialects.Exchange;
import dev.paysuite.dialects.RateLimit;
import dev.paysuite.dialects.support.Json;
import dev.paysuite.dialects.support.JsonExchange;
import dev.paysuite.dialects.support.Paths;
import dev.paysuite.dialects.support.Query;
import dev.paysuite.dialects.support.PublishedDialect;
import dev.paysuite.kernel.error.ErrorCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Seed 001 ("API DOCUMENTATION - PAYMENT PROCESSING", v3.2) at {@code /compat/example/v3}: payments
 * with amounts in minor units and card details inline, {@code completed} for the canonical
 * {@code succeeded}, cursor pages with {@code next_cursor}, refunds answered 201, errors as
 * {@code {"error": {"code", "message", "details"}}}, and 1,000 requests an hour per key.
 * {@code customer_id} is the merchant's own reference, stored and filtered as given (the canonical
 * payment's {@code customer_id} is that already).
 */
public final class ExampleDialect extends PublishedDialect {
    public static final String NAME = "example";
    private static final RateLimit DOCUMENTED = new RateLimit(1_000, 3_600, 1_000);
    private final ExampleWebhooks webhooks;

    public ExampleDialect() {
        this(new ExampleWebhooks());
    }

    private ExampleDialect(ExampleWebhooks webhooks) {
        super(NAME, "/compat/example/v3", Optional.of(DOCUMENTED), webhooks);
        this.webhooks = webhooks;
    }

    @Override
    public Optional<Exchange> open(String method, String path) {
        String[] s = Paths.segments(path);
        if (Paths.matches(s, "payments")) {
            return switch (method) {
                case "POST" -> exchange("POST", "/v1/payments",
                        (query, body) -> new CanonicalRequest(null, Json.bytes(body)), 201, ExamplePayments::payment);
                case "GET" -> exchange("GET", "/v1/payments", (query, body) -> new CanonicalRequest(listQuery(query), null),
                        200, ExamplePayments::page);
                default -> Optional.empty();
            };
        }
        if (Paths.matches(s, "payments", "*") && method.equals("GET")) {
            return exchange("GET", "/v1/payments/" + s[1], (query, body) -> new CanonicalRequest(null, null), 200,
                    ExamplePayments::payment);
        }
        if (Paths.matches(s, "payments", "*", "refunds") && method.equals("POST")) {
            return exchange("POST", "/v1/payments/" + s[1] + "/refunds",
                    (query, body) -> new CanonicalRequest(null, Json.bytes(ExamplePayments.refundRequest(body))), 201,
                    ExamplePayments::refund);
        }
        if (Paths.matches(s, "webhook_endpoints") && method.equals("POST")) {
            return exchange("POST", "/v1/webhook_endpoints",
                    (query, body) -> new CanonicalRequest(null, Json.bytes(webhooks.endpointRequest(body, NAME))), 201,
                    webhooks::endpoint);
        }
        if (Paths.matches(s, "webhook_endpoints", "*")) {
            return switch (method) {
                case "GET" -> exchange("GET", "/v1/webhook_endpoints/" + s[1],
                        (query, body) -> new CanonicalRequest(null, null), 200, webhooks::endpoint);
                case "DELETE" -> exchange("DELETE", "/v1/webhook_endpoints/" + s[1],
                        (query, body) -> new CanonicalRequest(null, null), 200, (canonical) -> canonical);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private Optional<Exchange> exchange(String method, String path, JsonExchange.Request request, int status,
            java.util.function.UnaryOperator<ObjectNode> representation) {
        return Optional.of(new JsonExchange(method, path, request,
                (canonicalStatus, canonical) -> new DialectAnswer(status, Json.bytes(representation.apply(canonical))),
                this::canonicalError));
    }

    /** Seed 001's list filters: its statuses are translated, the rest have the canonical names already. */
    private static String listQuery(Map<String, String> query) {
        Map<String, String> canonical = new LinkedHashMap<>();
        for (String name : new String[] {"limit", "starting_after", "customer_id", "created_after"}) {
            canonical.put(name, query.get(name));
        }
        String status = query.get("status");
        if (status != null) {
            canonical.put("status", ExamplePayments.canonicalStatus(status).orElseThrow(() -> DialectRefusal.invalid(
                    ErrorCodes.PARAMETER_INVALID, "Invalid status: '" + status + "'. Use one of pending, completed, failed.",
                    "status")));
        }
        return Query.write(canonical);
    }

    /**
     * A canonical error as seed 001 writes it. Seed 001 documents no 402 or 422: a declined card is
     * its 400 (the failed payment's id in {@code details}), an unprocessable request a 400 too.
     */
    private DialectAnswer canonicalError(int status, ApiError error, ObjectNode canonical) {
        String details = error.param() == null ? null : "Parameter: " + error.param() + ".";
        if (status == 402) {
            String payment = canonical.path("error").path("details").path("payment_id").asText(null);
            details = payment == null ? details : "The failed payment is " + payment + ".";
        }
        int documented = status == 402 || status == 422 ? 400 : status;
        return new DialectAnswer(documented, errorBody(code(error.code()), error.message(), details));
    }

    /** The codes seed 001 names itself; every other canonical code is passed on as it is. */
    private static String code(String canonical) {
        if (canonical == null) {
            return "api_error";
        }
        return switch (canonical) {
            case "card_number_invalid", "card_expiry_invalid", "card_cvc_invalid" -> "invalid_card";
            default -> canonical;
        };
    }

    @Override
    public byte[] error(int status, ApiError error) {
        return errorBody(code(error.code()), error.message(),
                error.param() == null ? null : "Parameter: " + error.param() + ".");
    }

    private static byte[] errorBody(String code, String message, String details) {
        ObjectNode error = Json.object();
        error.putObject("error").put("code", code).put("message", message).put("details", details);
        return Json.bytes(error);
    }
}
