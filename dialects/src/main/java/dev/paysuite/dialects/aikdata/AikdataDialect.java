package dev.paysuite.dialects.aikdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.dialects.ApiError;
import dev.paysuite.dialects.CanonicalRequest;
import dev.paysuite.dialects.DialectAnswer;
import dev.paysuite.dialects.Exchange;
import dev.paysuite.dialects.support.Json;
import dev.paysuite.dialects.support.DialectEndpoints;
import dev.paysuite.dialects.support.JsonExchange;
import dev.paysuite.dialects.support.Paths;
import dev.paysuite.dialects.support.PublishedDialect;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.error.ErrorType;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Seed 003 ("Payments API" 1.0, an OpenAPI 3.0.3 document) at {@code /compat/aikdata/v1/payments}:
 * charges ({@code ch_}, the canonical {@code pay_}) created with amounts in cents and no payment
 * method (the simulator's succeeding test method; {@code payment_method_id} may name another),
 * offset pages {@code {data, total, limit, offset}}, refunds ({@code rf_}) by {@code charge_id},
 * every success answered 200, errors as {@code {"error": {"code", "message"}}} and, as the seed
 * documents no rate limit, the key's own policy. Statuses are the canonical ones.
 */
public final class AikdataDialect extends PublishedDialect {
    public static final String NAME = "aikdata";

    public AikdataDialect() {
        super(NAME, "/compat/aikdata/v1/payments", Optional.empty(), new AikdataWebhooks());
    }

    @Override
    public Optional<Exchange> open(String method, String path) {
        String[] s = Paths.segments(path);
        if (Paths.matches(s, "charge") && method.equals("POST")) {
            return exchange("POST", "/v1/payments",
                    (query, body) -> new CanonicalRequest(null, Json.bytes(AikdataCharges.paymentRequest(body))),
                    AikdataCharges::charge);
        }
        if (Paths.matches(s, "charge", "*") && method.equals("GET")) {
            String charge = s[1];
            // Admitted as the read it stands for; an id that is no charge's is refused as not found then.
            return exchange("GET", "/v1/payments/" + AikdataIds.payment(charge).orElse(charge), (query, body) -> {
                AikdataIds.paymentId(charge);
                return new CanonicalRequest(null, null);
            }, AikdataCharges::charge);
        }
        if (Paths.matches(s, "charges") && method.equals("GET")) {
            AtomicReference<ChargesQuery.Window> asked = new AtomicReference<>(ChargesQuery.Window.DEFAULT);
            return exchange("GET", "/v1/payments", (query, body) -> {
                asked.set(ChargesQuery.window(query));
                return new CanonicalRequest(ChargesQuery.canonical(query, asked.get()), null);
            }, canonical -> AikdataCharges.page(canonical, asked.get()));
        }
        if (Paths.matches(s, "refund") && method.equals("POST")) {
            // The charge is named in the body, so the refund goes to POST /v1/refunds with its payment_id.
            return exchange("POST", "/v1/refunds",
                    (query, body) -> new CanonicalRequest(null, Json.bytes(AikdataCharges.refundRequest(body))),
                    AikdataCharges::refund);
        }
        if (Paths.matches(s, "webhook_endpoints") && method.equals("POST")) {
            // Not in the seed's document: where an endpoint subscribes to its charge and refund events
            return exchange("POST", "/v1/webhook_endpoints", (query, body) -> new CanonicalRequest(null,
                    Json.bytes(DialectEndpoints.canonicalRequest(body, webhooks().eventTypes(), NAME))),
                    canonical -> DialectEndpoints.endpoint(canonical, webhooks().eventTypes()));
        }
        return Optional.empty();
    }

    private Optional<Exchange> exchange(String method, String path, JsonExchange.Request request,
            UnaryOperator<ObjectNode> representation) {
        return Optional.of(new JsonExchange(method, path, request,
                (status, canonical) -> new DialectAnswer(200, Json.bytes(representation.apply(canonical))),
                AikdataDialect::canonicalError));
    }

    /**
     * A service's error as seed 003 writes it. The seed documents 400 for every refused request (a
     * declined card is its example): a decline (402), an unprocessable request (422) and a conflict
     * with the charge's state (409, a charge refunded already) are 400s; an idempotency conflict
     * stays 409, since retrying it is the answer. A decline names the failed charge.
     */
    private static DialectAnswer canonicalError(int status, ApiError error, ObjectNode canonical) {
        boolean idempotency = ErrorType.IDEMPOTENCY.wireName().equals(error.type());
        int documented = status == 402 || status == 422 || status == 409 && !idempotency ? 400 : status;
        // A service names the canonical ids; the client knows them by this dialect's.
        ObjectNode body = errorObject(new ApiError(error.type(), error.code(), AikdataIds.inMessage(error.message()),
                error.param()));
        if (status == 402) {
            String payment = canonical.path("error").path("details").path("payment_id").asText(null);
            if (payment != null) {
                ((ObjectNode) body.get("error")).put(AikdataCharges.CHARGE_ID, AikdataIds.chargeId(payment));
            }
        }
        return new DialectAnswer(documented, Json.bytes(body));
    }

    /** The gateway's refusals and this dialect's own, whose messages name what the client sent. */
    @Override
    public byte[] error(int status, ApiError error) {
        return Json.bytes(errorObject(error));
    }

    private static ObjectNode errorObject(ApiError error) {
        ObjectNode body = Json.object();
        body.putObject("error")
                .put("code", error.code() == null ? ErrorCodes.INTERNAL_ERROR : error.code())
                .put("message", error.message() == null ? "The request could not be completed." : error.message());
        return body;
    }
}
