package dev.paysuite.methods.adapter.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.methods.application.domain.model.MethodType;
import dev.paysuite.methods.application.domain.model.PaymentMethod;
import dev.paysuite.methods.application.domain.model.ShownDetails;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public representation of a payment method, the Stripe way: {@code type} and a details object
 * of the same name, the others absent. A card shows brand, last four, expiry, funding and the
 * fingerprint this merchant sees; a bank account its last four and its bank; never a whole number.
 * Also the {@code data} of the {@code payment_method.*} events. Fields without a value are left out.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record PaymentMethodJson(String id, String object, String type, String customerId, String status,
        Map<String, Object> card, Map<String, Object> applePay, Map<String, Object> googlePay,
        Map<String, Object> paypal, Map<String, Object> achDebit, Map<String, Object> wire,
        Map<String, Object> bitcoin, Map<String, Object> ethereum, Map<String, String> metadata, boolean livemode,
        String createdAt, String detachedAt, String previousCustomerId) {

    public static PaymentMethodJson of(PaymentMethod m, String fingerprint) {
        return of(m, fingerprint, false);
    }

    /**
     * With {@code previous_customer_id} when the method is detached and {@code withPrevious}: the
     * {@code payment_method.detached} event names the customer it was taken from.
     */
    public static PaymentMethodJson of(PaymentMethod m, String fingerprint, boolean withPrevious) {
        Map<String, Object> details = details(m.type(), m.shown(), fingerprint);
        MethodType t = m.type();
        return new PaymentMethodJson(m.id().value(), "payment_method", t.apiName(),
                m.customerId() == null || !m.isChargeable() ? null : m.customerId().value(),
                m.isChargeable() ? "usable" : "detached",
                t == MethodType.CARD ? details : null, t == MethodType.APPLE_PAY ? details : null,
                t == MethodType.GOOGLE_PAY ? details : null, t == MethodType.PAYPAL ? details : null,
                t == MethodType.ACH_DEBIT ? details : null, t == MethodType.WIRE ? details : null,
                t == MethodType.BITCOIN ? details : null, t == MethodType.ETHEREUM ? details : null,
                m.metadata().values(), m.livemode(), CustomerJson.timestamp(m.createdAt()),
                CustomerJson.timestamp(m.detachedAt()),
                withPrevious && !m.isChargeable() && m.customerId() != null ? m.customerId().value() : null);
    }

    /** What a type's details object shows (null values kept, so every card has the same fields). */
    public static Map<String, Object> details(MethodType type, ShownDetails s, String fingerprint) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (type) {
            case CARD -> {
                out.put("brand", s.brand());
                out.put("last4", s.last4());
                out.put("exp_month", s.expMonth());
                out.put("exp_year", s.expYear());
                out.put("funding", s.funding());
                out.put("fingerprint", fingerprint);
            }
            case ACH_DEBIT, WIRE -> {
                out.putAll(s.extra());
                out.put("last4", s.last4());
                out.put("fingerprint", fingerprint);
            }
            case APPLE_PAY, GOOGLE_PAY, PAYPAL -> out.put("fingerprint", fingerprint);
            case BITCOIN, ETHEREUM -> out.putAll(s.extra());
        }
        return out;
    }
}
