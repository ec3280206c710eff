package dev.paysuite.dialects.aqnt;

import static dev.paysuite.dialects.support.Representations.copy;
import static dev.paysuite.dialects.support.Representations.majorAmount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.dialects.ApiError;
import dev.paysuite.dialects.CanonicalRequest;
import dev.paysuite.dialects.DialectAnswer;
import dev.paysuite.dialects.DialectRefusal;
import dev.paysuite.dialects.Exchange;
import dev.paysuite.dialects.Translation;
import dev.paysuite.dialects.support.DialectEndpoints;
import dev.paysuite.dialects.support.Json;
import dev.paysuite.dialects.support.JsonExchange;
import dev.paysuite.dialects.support.Paths;
import dev.paysuite.dialects.support.Query;
import dev.paysuite.dialects.support.Representations;
import dev.paysuite.dialects.support.EventsInShape;
import dev.paysuite.dialects.support.PublishedDialect;
import dev.paysuite.kernel.error.ErrorCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Seed 000 ("Payments API Overview", aqnt) at {@code /compat/aqnt/v1/payments}: amounts in decimal
 * major units ({@code 100.00} USD), {@code payment_method: "card"} with a {@code card_token}, the
 * statuses {@code processing} and {@code cancelled}. The seed documents no error shape, so errors are
 * the canonical error object; nor a rate limit, so the key's own policy applies.
 */
public final class AqntDialect extends PublishedDialect {
    public static final String NAME = "aqnt";
    private static final Map<String, String> EVENTS = new LinkedHashMap<>();

    static {
        EVENTS.put("payment.succeeded", "payment.succeeded");
        EVENTS.put("payment.failed", "payment.failed");
        EVENTS.put("payment.cancelled", "payment.canceled");
        EVENTS.put("payment.refunded", "payment.refunded");
        EVENTS.put("refund.created", "refund.created");
        EVENTS.put("refund.succeeded", "refund.succeeded");
    }

    public AqntDialect() {
        super(NAME, "/compat/aqnt/v1/payments", Optional.empty(), new EventsInShape(EVENTS,
                data -> "refund".equals(data.path("object").asText()) ? refund(data) : payment(data)));
    }

    @Override
    public Optional<Exchange> open(String method, String path) {
        String[] s = Paths.segments(path);
        if (s.length == 0) {
            return switch (method) {
                case "POST" -> exchange("POST", "/v1/payments", (query, body) -> new CanonicalRequest(null,
                        Json.bytes(Representations.withMinorAmount(body, currencyOf(body)))), 201, AqntDialect::payment);
                case "GET" -> exchange("GET", "/v1/payments", (query, body) -> new CanonicalRequest(listQuery(query), null),
                        200, AqntDialect::page);
                default -> Optional.empty();
            };
        }
        if (s.length == 1 && method.equals("GET") && !s[0].equals("webhook_endpoints")) {
            return exchange("GET", "/v1/payments/" + s[0], (query, body) -> new CanonicalRequest(null, null), 200,
                    AqntDialect::payment);
        }
        if (Paths.matches(s, "*", "refunds") && method.equals("POST")) {
            return exchange("POST", "/v1/payments/" + s[0] + "/refunds", (query, body) -> refund(s[0], body), 201,
                    AqntDialect::refund);
        }
        if (Paths.matches(s, "webhook_endpoints") && method.equals("POST")) {
            return exchange("POST", "/v1/webhook_endpoints", (query, body) -> new CanonicalRequest(null,
                    Json.bytes(DialectEndpoints.canonicalRequest(body, EVENTS, NAME))), 201,
                    canonical -> DialectEndpoints.endpoint(canonical, EVENTS));
        }
        return Optional.empty();
    }

    /** A refund's decimal amount is in its payment's currency: the payment is read first. */
    private static Translation refund(String payment, ObjectNode body) {
        JsonNode amount = body.get("amount");
        if (amount == null || amount.isNull()) {
            return new CanonicalRequest(null, Json.bytes(body));
        }
        return new Translation.Lookup("/v1/payments/" + payment, found -> new CanonicalRequest(null,
                Json.bytes(Representations.withMinorAmount(body, Json.answerObject(found).path("currency").asText(null)))));
    }

    private static String currencyOf(ObjectNode body) {
        return Json.optionalText(body, "currency");
    }

    private Optional<Exchange> exchange(String method, String path, JsonExchange.Request request, int status,
            UnaryOperator<ObjectNode> representation) {
        return Optional.of(new JsonExchange(method, path, request,
                (canonicalStatus, canonical) -> new DialectAnswer(status, Json.bytes(representation.apply(canonical))),
                (canonicalStatus, error, canonical) -> new DialectAnswer(canonicalStatus, Json.bytes(canonical))));
    }

    private static String listQuery(Map<String, String> query) {
        Map<String, String> canonical = new LinkedHashMap<>();
        canonical.put("limit", query.get("limit"));
        canonical.put("starting_after", query.get("starting_after"));
        String status = query.get("status");
        if (status != null) {
            canonical.put("status", canonicalStatus(status).orElseThrow(() -> DialectRefusal.invalid(
                    ErrorCodes.PARAMETER_INVALID, "Invalid status: '" + status + "'. Use one of pending, processing, "
                            + "succeeded, failed, refunded, partially_refunded, cancelled.", "status")));
        }
        return Query.write(canonical);
    }

    static Optional<String> canonicalStatus(String aqnt) {
        return switch (aqnt) {
            case "cancelled" -> Optional.of("canceled");
            case "pending", "processing", "succeeded", "failed", "refunded", "partially_refunded" -> Optional.of(aqnt);
            default -> Optional.empty();
        };
    }

    /** Seed 000's statuses: {@code cancelled}, and {@code processing} for a payment waiting on the customer or a capture. */
    static String status(String canonical) {
        return switch (canonical == null ? "" : canonical) {
            case "canceled" -> "cancelled";
            case "requires_action", "requires_capture" -> "processing";
            default -> canonical;
        };
    }

    static ObjectNode payment(ObjectNode canonical) {
        ObjectNode payment = copy(canonical, "id", "amount", "currency", "status", "payment_method", "description",
                "metadata", "created_at");
        payment.set("amount", majorAmount(canonical));
        payment.put("status", status(canonical.path("status").asText(null)));
        JsonNode details = canonical.path("payment_method_details");
        payment.set("payment_method", details.isObject() ? details.get("type") : null);
        return payment;
    }

    static ObjectNode page(ObjectNode canonical) {
        ObjectNode page = Json.object();
        ArrayNode data = page.putArray("data");
        canonical.path("data").forEach(item -> data.add(payment((ObjectNode) item)));
        page.set("has_more", canonical.get("has_more"));
        return page;
    }

    static ObjectNode refund(ObjectNode canonical) {
        ObjectNode refund = copy(canonical, "id", "payment_id", "amount", "currency", "status", "reason", "created_at");
        refund.set("amount", majorAmount(canonical));
        return refund;
    }

    @Override
    public byte[] error(int status, ApiError error) {
        ObjectNode body = Json.object();
        ObjectNode fields = body.putObject("error").put("type", error.type()).put("code", error.code())
                .put("message", error.message());
        if (error.param() != null) {
            fields.put("param", error.param());
        }
        return Json.bytes(body);
    }
}
