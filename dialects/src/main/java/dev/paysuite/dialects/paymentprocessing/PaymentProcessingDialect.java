package dev.paysuite.dialects.paymentprocessing;

import static dev.paysuite.dialects.support.Representations.copy;
import static dev.paysuite.dialects.support.Representations.majorAmount;

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
import dev.paysuite.dialects.support.Representations;
import dev.paysuite.dialects.support.EventsInShape;
import dev.paysuite.dialects.support.PublishedDialect;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Seed 004 ("Payment Processing API") at {@code /compat/paymentprocessing/v1}: payments with
 * decimal amounts and a {@code source} token, refunds at {@code POST /refunds} naming the payment
 * ({@code refund_...} ids, 201), and errors as a plain string: {@code {"error": "Payment not found"}}.
 * The seed documents no rate limit: the key's own policy applies.
 */
public final class PaymentProcessingDialect extends PublishedDialect {
    public static final String NAME = "paymentprocessing";
    private static final String REFUND_PREFIX = "refund_";
    private static final String CANONICAL_REFUND_PREFIX = "ref_";
    private static final Map<String, String> EVENTS = new LinkedHashMap<>();

    static {
        EVENTS.put("payment.succeeded", "payment.succeeded");
        EVENTS.put("payment.failed", "payment.failed");
        EVENTS.put("refund.succeeded", "refund.succeeded");
        EVENTS.put("refund.failed", "refund.failed");
    }

    public PaymentProcessingDialect() {
        super(NAME, "/compat/paymentprocessing/v1", Optional.empty(), new EventsInShape(EVENTS,
                data -> "refund".equals(data.path("object").asText()) ? refund(data) : payment(data)));
    }

    @Override
    public Optional<Exchange> open(String method, String path) {
        String[] s = Paths.segments(path);
        if (Paths.matches(s, "payments") && method.equals("POST")) {
            return exchange("POST", "/v1/payments", (query, body) -> new CanonicalRequest(null,
                    Json.bytes(Representations.withMinorAmount(body, Json.optionalText(body, "currency")))), 201,
                    PaymentProcessingDialect::payment, "Invalid payment source");
        }
        if (Paths.matches(s, "payments", "*") && method.equals("GET")) {
            return exchange("GET", "/v1/payments/" + s[1], (query, body) -> new CanonicalRequest(null, null), 200,
                    PaymentProcessingDialect::payment, null);
        }
        if (Paths.matches(s, "refunds") && method.equals("POST")) {
            return exchange("POST", "/v1/refunds", (query, body) -> refundRequest(body), 201,
                    PaymentProcessingDialect::refund, "Invalid refund amount");
        }
        if (Paths.matches(s, "webhook_endpoints") && method.equals("POST")) {
            return exchange("POST", "/v1/webhook_endpoints", (query, body) -> new CanonicalRequest(null,
                    Json.bytes(DialectEndpoints.canonicalRequest(body, EVENTS, NAME))), 201,
                    canonical -> DialectEndpoints.endpoint(canonical, EVENTS), null);
        }
        return Optional.empty();
    }

    /** The refund's decimal amount is in its payment's currency: the payment is read first. */
    private static Translation refundRequest(ObjectNode body) {
        String payment = Representations.requiredText(body, "payment_id");
        if (!body.hasNonNull("amount")) {
            return new CanonicalRequest(null, Json.bytes(body));
        }
        return new Translation.Lookup("/v1/payments/" + payment, found -> {
            try {
                return new CanonicalRequest(null, Json.bytes(
                        Representations.withMinorAmount(body, Json.answerObject(found).path("currency").asText(null))));
            } catch (DialectRefusal refused) {
                ApiError error = refused.error();
                throw new DialectRefusal(400, new ApiError(error.type(), error.code(),
                        "Invalid refund amount: " + error.message(), error.param()));
            }
        });
    }

    /**
     * @param invalidRequest the seed's message for a 400 of this endpoint ("Invalid payment source"),
     *     where the seed gives one; the canonical message follows it
     */
    private Optional<Exchange> exchange(String method, String path, JsonExchange.Request request, int status,
            UnaryOperator<ObjectNode> representation, String invalidRequest) {
        return Optional.of(new JsonExchange(method, path, request,
                (canonicalStatus, canonical) -> new DialectAnswer(status, Json.bytes(representation.apply(canonical))),
                (canonicalStatus, error, canonical) -> {
                    // Seed 004 documents 400 for what the canonical API calls unprocessable (a refund over the rest)
                    int documented = canonicalStatus == 422 ? 400 : canonicalStatus;
                    return new DialectAnswer(documented, message(documented, error, invalidRequest));
                }));
    }

    private static byte[] message(int status, ApiError error, String invalidRequest) {
        String documented = null;
        if (status == 404 && "resource_missing".equals(error.code())
                && (error.param() == null || error.param().equals("id") || error.param().equals("payment_id"))) {
            documented = "Payment not found";
        } else if (status == 400 && invalidRequest != null) {
            documented = invalidRequest;
        }
        String text = documented == null ? error.message() : documented + ": " + error.message();
        return Json.bytes(Json.object().put("error", text));
    }

    static ObjectNode payment(ObjectNode canonical) {
        ObjectNode payment = copy(canonical, "id", "amount", "currency", "status", "description", "created_at");
        payment.set("amount", majorAmount(canonical));
        return payment;
    }

    static ObjectNode refund(ObjectNode canonical) {
        ObjectNode refund = copy(canonical, "id", "payment_id", "amount", "currency", "status", "created_at");
        String id = canonical.path("id").asText("");
        refund.put("id", id.startsWith(CANONICAL_REFUND_PREFIX)
                ? REFUND_PREFIX + id.substring(CANONICAL_REFUND_PREFIX.length()) : id);
        refund.set("amount", majorAmount(canonical));
        return refund;
    }

    @Override
    public byte[] error(int status, ApiError error) {
        return Json.bytes(Json.object().put("error", error.message()));
    }
}
