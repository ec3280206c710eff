package dev.paysuite.dialects.aikdata;

import dev.paysuite.dialects.WebhookDialect;
import dev.paysuite.dialects.support.Representations;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Seed 003 documents no webhooks; its events are named for its objects: {@code charge.succeeded},
 * {@code charge.failed}, {@code charge.refunded} and {@code refund.succeeded}, each
 * {@code {"id", "type", "created_at", "data"}} with the charge or refund as this dialect's answers
 * show it.
 */
final class AikdataWebhooks implements WebhookDialect {
    private static final Map<String, String> CHARGE_EVENTS = new LinkedHashMap<>();
    private static final Map<String, String> REFUND_EVENTS = Map.of("refund.succeeded", "refund.succeeded");
    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        CHARGE_EVENTS.put("charge.succeeded", "payment.succeeded");
        CHARGE_EVENTS.put("charge.failed", "payment.failed");
        CHARGE_EVENTS.put("charge.refunded", "payment.refunded");
        TYPES.putAll(CHARGE_EVENTS);
        TYPES.putAll(REFUND_EVENTS);
    }

    @Override
    public Map<String, String> eventTypes() {
        return Collections.unmodifiableMap(TYPES);
    }

    @Override
    public Optional<String> event(String canonicalEvent) {
        return Representations.event(canonicalEvent, CHARGE_EVENTS, AikdataCharges::charge)
                .or(() -> Representations.event(canonicalEvent, REFUND_EVENTS, AikdataCharges::refund));
    }
}
