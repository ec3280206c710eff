package dev.paysuite.webhooks.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.dialects.ApiError;
import dev.paysuite.dialects.Dialect;
import dev.paysuite.dialects.Exchange;
import dev.paysuite.dialects.RateLimit;
import dev.paysuite.dialects.WebhookDialect;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A dialect for the module's tests, written like seed 001's webhooks (the real dialects live in the
 * dialects module): {@code payment.completed}, {@code payment.failed} and {@code refund.created},
 * each as {@code {id, type, created_at, data: {payment_id, amount, currency}}}. It keeps every
 * canonical event it was given, so a test can compare them with what a canonical endpoint got.
 */
public final class TestDialect implements Dialect {
    public static final String NAME = "testexample";
    public static final Map<String, String> EVENT_TYPES = Map.of("payment.completed", "payment.succeeded",
            "payment.failed", "payment.failed", "refund.created", "refund.created");
    /** Every canonical event this dialect was asked to write, as given. */
    public static final List<String> GIVEN = new CopyOnWriteArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String basePath() {
        return "/compat/" + NAME + "/v3";
    }

    @Override
    public Optional<RateLimit> rateLimit() {
        return Optional.empty();
    }

    @Override
    public Optional<Exchange> open(String method, String path) {
        return Optional.empty();
    }

    @Override
    public Set<String> allowedMethods(String path) {
        return Set.of();
    }

    @Override
    public byte[] error(int status, ApiError error) {
        throw new UnsupportedOperationException("webhooks only");
    }

    @Override
    public byte[] openApiDocument() {
        throw new UnsupportedOperationException("webhooks only");
    }

    @Override
    public WebhookDialect webhooks() {
        return new WebhookDialect() {
            @Override
            public Map<String, String> eventTypes() {
                return EVENT_TYPES;
            }

            @Override
            public Optional<String> event(String canonicalEvent) {
                GIVEN.add(canonicalEvent);
                try {
                    JsonNode event = JSON.readTree(canonicalEvent);
                    String canonicalType = event.path("type").asText();
                    Optional<String> type = EVENT_TYPES.entrySet().stream()
                            .filter(e -> e.getValue().equals(canonicalType)).map(Map.Entry::getKey).findFirst();
                    if (type.isEmpty()) {
                        return Optional.empty();
                    }
                    JsonNode data = event.path("data");
                    ObjectNode out = JSON.createObjectNode().put("id", event.path("id").asText())
                            .put("type", type.get()).put("created_at", event.path("created_at").asText());
                    out.putObject("data")
                            .put("payment_id", data.path(data.has("payment_id") ? "payment_id" : "id").asText())
                            .put("amount", data.path("amount").asLong())
                            .put("currency", data.path("currency").asText().toUpperCase(Locale.ROOT));
                    return Optional.of(JSON.writeValueAsString(out));
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException("not an event", e);
                }
            }
        };
    }
}
