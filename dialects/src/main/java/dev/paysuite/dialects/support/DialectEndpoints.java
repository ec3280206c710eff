package dev.paysuite.dialects.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.dialects.DialectRefusal;
import dev.paysuite.kernel.error.ErrorCodes;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook endpoint registered through a dialect ({@code POST {base}/webhook_endpoints}
 * {@code {"url", "events": [...], "description"}}): the canonical endpoint subscribes to the
 * canonical types the dialect's event names stand for (all of them when none are named) and
 * carries the dialect's name, so its deliveries are written in the dialect.
 */
public final class DialectEndpoints {
    public static final String EVENTS = "events";

    private DialectEndpoints() {
    }

    public static ObjectNode canonicalRequest(ObjectNode body, Map<String, String> types, String dialect) {
        ObjectNode canonical = Json.object();
        canonical.set("url", body.get("url"));
        ArrayNode enabled = canonical.putArray("enabled_events");
        JsonNode events = body.get(EVENTS);
        if (events == null || events.isNull()) {
            types.values().forEach(enabled::add);
        } else if (!events.isArray() || events.isEmpty()) {
            throw DialectRefusal.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Invalid events: expected a non-empty list of " + String.join(", ", types.keySet()) + ".", EVENTS);
        } else {
            for (JsonNode event : events) {
                String canonicalType = event.isTextual() ? types.get(event.textValue()) : null;
                if (canonicalType == null) {
                    throw DialectRefusal.invalid(ErrorCodes.PARAMETER_INVALID, "Invalid events: '" + event.asText()
                            + "' is not an event of this API. Use " + String.join(", ", types.keySet()) + ".", EVENTS);
                }
                enabled.add(canonicalType);
            }
        }
        if (body.has("description")) {
            canonical.set("description", body.get("description"));
        }
        canonical.put("dialect", dialect);
        return canonical;
    }

    /** The endpoint as the dialect shows it: its events in the dialect's names. */
    public static ObjectNode endpoint(ObjectNode canonical, Map<String, String> types) {
        ObjectNode endpoint = Json.object();
        endpoint.set("id", canonical.get("id"));
        endpoint.set("url", canonical.get("url"));
        ArrayNode events = endpoint.putArray(EVENTS);
        for (JsonNode type : canonical.path("enabled_events")) {
            types.forEach((dialectType, canonicalType) -> {
                if (canonicalType.equals(type.asText()) || "*".equals(type.asText())) {
                    events.add(dialectType);
                }
            });
        }
        endpoint.set("description", canonical.get("description"));
        endpoint.set("status", canonical.get("status"));
        if (canonical.hasNonNull("secret")) {
            endpoint.set("secret", canonical.get("secret"));
        }
        endpoint.set("created_at", canonical.get("created_at"));
        return endpoint;
    }

    /** The dialect's name for a canonical event type, if it has one. */
    public static Optional<String> dialectType(Map<String, String> types, String canonicalType) {
        return types.entrySet().stream().filter(e -> e.getValue().equals(canonicalType)).map(Map.Entry::getKey)
                .findFirst();
    }
}
