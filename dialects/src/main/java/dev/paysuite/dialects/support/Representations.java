package dev.paysuite.dialects.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.dialects.DialectRefusal;
import dev.paysuite.kernel.error.ErrorCodes;
import java.util.Map;
import java.util.Optional;

/** What the dialects' representations have in common: fields copied as they are, amounts in major units, events. */
public final class Representations {
    private Representations() {
    }

    /** {@code fields} of {@code canonical}, in that order (absent ones as null). */
    public static ObjectNode copy(ObjectNode canonical, String... fields) {
        ObjectNode copy = Json.object();
        for (String field : fields) {
            copy.set(field, canonical.get(field));
        }
        return copy;
    }

    /** The canonical {@code amount} (minor units) of an object in its {@code currency}'s major units. */
    public static JsonNode majorAmount(JsonNode canonical) {
        JsonNode amount = canonical.get("amount");
        String currency = canonical.path("currency").asText(null);
        if (amount == null || !amount.canConvertToExactIntegral() || currency == null) {
            return amount;
        }
        return DecimalAmounts.toMajor(amount.longValue(), currency);
    }

    /**
     * A request body whose {@code amount} is in major units of {@code currency}, with the amount in
     * minor units; a body without an amount is left as it is.
     */
    public static ObjectNode withMinorAmount(ObjectNode body, String currency) {
        ObjectNode canonical = body.deepCopy();
        JsonNode amount = body.get("amount");
        if (amount != null && !amount.isNull()) {
            canonical.put("amount", DecimalAmounts.toMinor(amount, currency, "amount"));
        }
        return canonical;
    }

    /** A required text field of a request body. */
    public static String requiredText(ObjectNode body, String field) {
        String value = Json.optionalText(body, field);
        if (value == null || value.isBlank()) {
            throw DialectRefusal.invalid(ErrorCodes.PARAMETER_MISSING, "Missing required parameter: " + field + ".",
                    field);
        }
        return value;
    }

    /**
     * A canonical event as a dialect's: {@code {"id", "type", "created_at", "data"}} with the dialect's
     * type and its representation of the event's object; empty when the dialect has no such event.
     */
    public static Optional<String> event(String canonicalEvent, Map<String, String> types,
            java.util.function.Function<ObjectNode, ObjectNode> representation) {
        ObjectNode canonical = Json.parse(canonicalEvent);
        Optional<String> type = DialectEndpoints.dialectType(types, canonical.path("type").asText(""));
        JsonNode data = canonical.get("data");
        if (type.isEmpty() || data == null || !data.isObject()) {
            return Optional.empty();
        }
        ObjectNode event = Json.object();
        event.set("id", canonical.get("id"));
        event.put("type", type.get());
        event.set("created_at", canonical.get("created_at"));
        event.set("data", representation.apply((ObjectNode) data));
        return Optional.of(Json.text(event));
    }
}
