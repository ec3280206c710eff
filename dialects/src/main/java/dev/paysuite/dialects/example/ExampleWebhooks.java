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
 * Seed 001's webhooks: {@code payment.completed}, {@code payment.failed}, {@code refund.created} and
 * {@code chargeback.created}, each {@code {"id", "type", "created_at", "data"}} as the seed's example
 * shows. A payment's and a refund's data is {@code {"payment_id", "amount", "currency"}} (a refund's
 * also names the refund, {@code refund_id}). {@code chargeback.created} is the canonical
 * {@code dispute.created}; its data is {@code {"payment_id", "chargeback_id" (the dispute's dp_ id),
 * "amount", "currency", "reason", "status", "evidence_due_by"}}, the status as the canonical dispute
 * has it ({@code needs_response} when opened) and {@code evidence_due_by} its
 * {@code evidence_details.due_by}. The dispute's later events ({@code dispute.updated},
 * {@code dispute.closed}) have no name in seed 001 and are not sent to its endpoints.
 */
final class ExampleWebhooks implements WebhookDialect {
    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("payment.completed", "payment.succeeded");
        TYPES.put("payment.failed", "payment.failed");
        TYPES.put("refund.created", "refund.created");
        TYPES.put("chargeback.created", "dispute.created");
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
        if (type.get().startsWith("chargeback.")) {
            data.set("payment_id", object.get("payment_id"));
            data.set("chargeback_id", object.get("id"));
            data.set("amount", object.get("amount"));
            data.set("currency", object.get("currency"));
            data.set("reason", object.get("reason"));
            data.set("status", object.get("status"));
            data.set("evidence_due_by", object.path("evidence_details").get("due_by"));
            return Optional.of(Json.text(event));
        }
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
