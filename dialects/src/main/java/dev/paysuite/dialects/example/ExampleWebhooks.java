package dev.paysuite.dialects.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.dialects.WebhookDialect;
import dev.paysuite.dialects.support.DialectEndpoints;
import dev.paysuite.dialects.support.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Seed 001's webhooks: {@code payment.completed}, {@code payment.failed} and {@code refund.created}
 * ({@code chargeback.created} arrives with disputes), each {@code {"id", "type", "created_at",
 * "data": {"payment_id", "amount", "currency"}}} as the seed's example shows; a refund's data also
 * names the refund.
 */
final class ExampleWebhooks implements WebhookDialect {
    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("payment.completed", "payment.succeeded");
        TYPES.put("payment.failed", "payment.failed");
        TYPES.put("refund.created", "refund.created");
    }

    @Override
    public Map<String, String> eventTypes() {
        return Map.copyOf(TYPES);
    }

    @Override
    public Optional<String> event(String canonicalEvent) {
        ObjectNode canonical = Json.parse(canonicalEvent);
        Optional<String> type = DialectEndpoints.dialectType(TYPES, canonical.path("type").asText(""));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        JsonNode object = canonical.path("data");
        ObjectNode event = Json.object();
        event.set("id", canonical.get("id"));
        event.put("type", type.get());
        event.set("created_at", canonical.get("created_at"));
        ObjectNode data = event.putObject("data");
        boolean refund = type.get().startsWith("refund.");
        if (refund) {
            data.set("refund_id", object.get("id"));
        }
        data.set("payment_id", refund ? object.get("payment_id") : object.get("id"));
        data.set("amount", object.get("amount"));
        data.set("currency", object.get("currency"));
        return Optional.of(Json.text(event));
    }

    ObjectNode endpointRequest(ObjectNode body, String dialect) {
        return DialectEndpoints.canonicalRequest(body, TYPES, dialect);
    }

    ObjectNode endpoint(ObjectNode canonical) {
        return DialectEndpoints.endpoint(canonical, TYPES);
    }
}
