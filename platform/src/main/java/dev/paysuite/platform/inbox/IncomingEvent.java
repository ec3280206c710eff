package dev.paysuite.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A CloudEvent read off Kafka (structured mode, as every service publishes them). */
public record IncomingEvent(String id, String type, String source, String subject, long sequence,
        String merchantId, boolean livemode, JsonNode data, JsonNode envelope) {

    /** An integer extension attribute of the envelope (e.g. {@code paymentsequence}), or {@code orElse}. */
    public long extension(String name, long orElse) {
        JsonNode value = envelope.get(name);
        return value != null && value.canConvertToLong() ? value.asLong() : orElse;
    }

    /** Thrown for a record that is not a CloudEvent we can read; such records are dead-lettered, not retried. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static IncomingEvent parse(ObjectMapper mapper, String json) {
        try {
            JsonNode e = mapper.readTree(json);
            if (e == null || !e.hasNonNull("id") || !e.hasNonNull("type") || !e.has("data")) {
                throw new MalformedEventException("not a CloudEvent: missing id, type or data", null);
            }
            return new IncomingEvent(e.get("id").asText(), e.get("type").asText(), text(e, "source"),
                    text(e, "subject"), e.path("sequence").asLong(0), text(e, "merchantid"),
                    e.path("livemode").asBoolean(false), e.get("data"), e);
        } catch (MalformedEventException m) {
            throw m;
        } catch (Exception ex) {
            throw new MalformedEventException("not a CloudEvent: " + ex.getMessage(), ex);
        }
    }

    private static String text(JsonNode e, String field) {
        return e.hasNonNull(field) ? e.get(field).asText() : null;
    }
}
