package dev.paysuite.dialects.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.dialects.support.Json;
import java.util.Optional;

/** Seed 001's payments and refunds, read from the canonical ones. */
final class ExamplePayments {
    private ExamplePayments() {
    }

    /**
     * Seed 001's name for a canonical payment or refund status: {@code completed} for
     * {@code succeeded}, {@code pending} for every state still in flight; the rest as they are.
     */
    static String status(String canonical) {
        if (canonical == null) {
            return null;
        }
        return switch (canonical) {
            case "succeeded" -> "completed";
            case "processing", "requires_action", "requires_capture" -> "pending";
            default -> canonical;
        };
    }

    /** The canonical status a seed-001 filter names: {@code completed} is {@code succeeded}. */
    static Optional<String> canonicalStatus(String example) {
        return switch (example) {
            case "completed" -> Optional.of("succeeded");
            case "pending", "failed", "canceled", "refunded", "partially_refunded" -> Optional.of(example);
            default -> Optional.empty();
        };
    }

    static ObjectNode payment(ObjectNode canonical) {
        ObjectNode payment = Json.object();
        payment.set("id", canonical.get("id"));
        payment.put("status", status(canonical.path("status").asText(null)));
        payment.set("amount", canonical.get("amount"));
        payment.set("currency", canonical.get("currency"));
        JsonNode details = canonical.path("payment_method_details");
        if (details.isObject()) {
            ObjectNode method = payment.putObject("payment_method");
            method.set("type", details.get("type"));
            JsonNode card = details.path("card");
            if (card.isObject()) {
                method.set("last4", card.get("last4"));
                method.set("brand", card.get("brand"));
            }
        } else {
            payment.putNull("payment_method");
        }
        payment.set("created_at", canonical.get("created_at"));
        payment.set("description", canonical.get("description"));
        payment.set("customer_id", canonical.get("customer_id"));
        payment.set("metadata", canonical.get("metadata"));
        return payment;
    }

    /** A cursor page: {@code next_cursor} is the last payment's id when there are more, which {@code starting_after} takes. */
    static ObjectNode page(ObjectNode canonical) {
        ObjectNode page = Json.object();
        ArrayNode data = page.putArray("data");
        String last = null;
        for (JsonNode item : canonical.path("data")) {
            data.add(payment((ObjectNode) item));
            last = item.path("id").asText(null);
        }
        boolean more = canonical.path("has_more").asBoolean(false);
        page.put("has_more", more);
        page.put("next_cursor", more ? last : null);
        return page;
    }

    /** Seed 001's refund body: {@code amount} and {@code reason} are canonical; its {@code description} is kept in metadata. */
    static ObjectNode refundRequest(ObjectNode body) {
        ObjectNode canonical = body.deepCopy();
        JsonNode description = canonical.remove("description");
        if (description != null && !description.isNull()) {
            ObjectNode metadata = canonical.path("metadata").isObject() ? (ObjectNode) canonical.get("metadata")
                    : canonical.putObject("metadata");
            metadata.set("description", description);
        }
        return canonical;
    }

    static ObjectNode refund(ObjectNode canonical) {
        ObjectNode refund = Json.object();
        refund.set("id", canonical.get("id"));
        refund.set("payment_id", canonical.get("payment_id"));
        refund.set("amount", canonical.get("amount"));
        refund.set("currency", canonical.get("currency"));
        refund.put("status", status(canonical.path("status").asText(null)));
        refund.set("created_at", canonical.get("created_at"));
        refund.set("reason", canonical.get("reason"));
        JsonNode description = canonical.path("metadata").get("description");
        refund.set("description", description);
        return refund;
    }
}
