package dev.paysuite.dialects.aikdata;

import static dev.paysuite.dialects.support.Representations.copy;
import static dev.paysuite.dialects.support.Representations.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.dialects.DialectRefusal;
import dev.paysuite.dialects.support.Json;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.money.CurrencyUnit;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Set;

/** Seed 003's charges and refunds: its request bodies made canonical, and canonical payments and refunds in its shape. */
final class AikdataCharges {
    /**
     * What a charge pays with when it names nothing, as the seed's requests never do: the
     * simulator's succeeding test method. A live key has no such method, so a live charge names its
     * stored method in {@code payment_method_id}, the one field this dialect adds to the seed's.
     */
    static final String TEST_METHOD = "pm_test_success";
    static final String PAYMENT_METHOD_ID = "payment_method_id";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String DESCRIPTION = "description";
    static final String METADATA = "metadata";
    static final String CHARGE_ID = "charge_id";
    static final String REASON = "reason";
    static final String STATUS = "status";
    static final String CREATED_AT = "created_at";
    private static final Set<String> CHARGE_FIELDS = Set.of(AMOUNT, CURRENCY, DESCRIPTION, METADATA, PAYMENT_METHOD_ID);
    private static final Set<String> REFUND_FIELDS = Set.of(CHARGE_ID, AMOUNT, REASON, METADATA);

    private AikdataCharges() {
    }

    /** {@code POST /charge}: the canonical {@code POST /v1/payments} body. */
    static ObjectNode paymentRequest(ObjectNode body) {
        onlyKnown(body, CHARGE_FIELDS);
        ObjectNode canonical = Json.object();
        JsonNode amount = body.get(AMOUNT);
        if (amount == null || amount.isNull()) {
            throw DialectRefusal.invalid(ErrorCodes.PARAMETER_MISSING, "Missing required parameter: amount.", AMOUNT);
        }
        canonical.put(AMOUNT, cents(amount));
        canonical.put(CURRENCY, requiredText(body, CURRENCY));
        String method = Json.optionalText(body, PAYMENT_METHOD_ID);
        canonical.put(PAYMENT_METHOD_ID, method == null ? TEST_METHOD : method);
        copyText(body, canonical, DESCRIPTION);
        copyMetadata(body, canonical);
        return canonical;
    }

    /** {@code POST /refund}: the canonical {@code POST /v1/refunds} body; no amount refunds what is left. */
    static ObjectNode refundRequest(ObjectNode body) {
        onlyKnown(body, REFUND_FIELDS);
        String charge = requiredText(body, CHARGE_ID);
        JsonNode amount = body.get(AMOUNT);
        long cents = amount == null || amount.isNull() ? 0 : cents(amount);
        ObjectNode canonical = Json.object();
        canonical.put("payment_id", AikdataIds.paymentId(charge));
        if (cents > 0) {
            canonical.put(AMOUNT, cents);
        }
        copyText(body, canonical, REASON);
        copyMetadata(body, canonical);
        return canonical;
    }

    /** A canonical payment as a charge: {@code id, amount, currency, status, created_at}, with description and metadata. */
    static ObjectNode charge(ObjectNode payment) {
        ObjectNode charge = copy(payment, "id", AMOUNT, CURRENCY, STATUS, DESCRIPTION, METADATA, CREATED_AT);
        charge.put("id", AikdataIds.chargeId(payment.path("id").asText(null)));
        return charge;
    }

    /** A canonical page as seed 003's offset page: {@code data, total, limit, offset}. */
    static ObjectNode page(ObjectNode canonical, ChargesQuery.Window window) {
        ObjectNode page = Json.object();
        ArrayNode data = page.putArray("data");
        for (JsonNode payment : canonical.path("data")) {
            if (payment.isObject()) {
                data.add(charge((ObjectNode) payment));
            }
        }
        page.put("total", canonical.path("total_count").asLong(data.size()));
        page.put("limit", window.limit());
        page.put("offset", window.offset());
        return page;
    }

    /** A canonical refund: {@code id, charge_id, amount, status}, with currency, reason, metadata and created_at. */
    static ObjectNode refund(ObjectNode canonical) {
        ObjectNode refund = copy(canonical, "id", CHARGE_ID, AMOUNT, CURRENCY, STATUS, REASON, METADATA, CREATED_AT);
        refund.put("id", AikdataIds.refundId(canonical.path("id").asText(null)));
        refund.put(CHARGE_ID, AikdataIds.chargeId(canonical.path("payment_id").asText(null)));
        return refund;
    }

    /** An amount in cents: a positive JSON integer no larger than any JSON reader holds exactly. */
    private static long cents(JsonNode amount) {
        if (!amount.isIntegralNumber()) {
            throw DialectRefusal.invalid(ErrorCodes.AMOUNT_INVALID,
                    "Invalid amount: expected an integer number of cents, such as 1500.", AMOUNT);
        }
        BigInteger value = amount.bigIntegerValue();
        if (value.signum() <= 0) {
            throw DialectRefusal.invalid(ErrorCodes.AMOUNT_INVALID, "Invalid amount: it must be greater than zero.",
                    AMOUNT);
        }
        if (value.compareTo(BigInteger.valueOf(CurrencyUnit.MAX_EXACT_JSON_INTEGER)) > 0) {
            throw DialectRefusal.invalid(ErrorCodes.AMOUNT_TOO_LARGE,
                    "Invalid amount: at most " + CurrencyUnit.MAX_EXACT_JSON_INTEGER + " cents.", AMOUNT);
        }
        return value.longValueExact();
    }

    private static void onlyKnown(ObjectNode body, Set<String> known) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw DialectRefusal.invalid(ErrorCodes.PARAMETER_UNKNOWN, "Received unknown parameter: " + name + ".",
                        name);
            }
        }
    }

    private static void copyText(ObjectNode body, ObjectNode canonical, String field) {
        String value = Json.optionalText(body, field);
        if (value != null) {
            canonical.put(field, value);
        }
    }

    /** Metadata is echoed as sent; the canonical API checks its pairs (at most 50, strings). */
    private static void copyMetadata(ObjectNode body, ObjectNode canonical) {
        JsonNode metadata = body.get(METADATA);
        if (metadata == null || metadata.isNull()) {
            return;
        }
        if (!metadata.isObject()) {
            throw DialectRefusal.invalid(ErrorCodes.METADATA_INVALID,
                    "Invalid metadata: expected an object of string keys and values.", METADATA);
        }
        canonical.set(METADATA, metadata);
    }
}
