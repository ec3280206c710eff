package dev.paysuite.dialects.aikdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.dialects.WebhookDialect;
import dev.paysuite.dialects.support.DialectEndpoints;
import dev.paysuite.dialects.support.Json;
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
    private static final String REFUND_SUCCEEDED = "refund.succeeded";
    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("charge.succeeded", "payment.succeeded");
        TYPES.put("charge.failed", "payment.failed");
        TYPES.put("charge.refunded", "payment.refunded");
        TYPES.put(REFUND_SUCCEEDED, REFUND_SUCCEEDED);
    }

    @Override
    public Map<String, String> eventTypes() {
        return java.util.Collections.unmodifiableMap(TYPES);
    }

    @Override
    public Optional<String> event(String canonicalEvent) {
        ObjectNode canonical = Json.parse(canonicalEvent);
        return DialectEndpoints.dialectType(TYPES, canonical.path("type").asText("")).map(type -> {
            JsonNode object = canonical.path("data");
            ObjectNode event = Json.object();
            event.set("id", canonical.get("id"));
            event.put("type", type);
            event.set("created_at", canonical.get("created_at"));
            event.set("data", type.equals(REFUND_SUCCEEDED) ? AikdataCharges.refund(object)
                    : AikdataCharges.charge(object));
            return Json.text(event);
        });
    }
}
