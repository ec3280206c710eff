package dev.paysuite.webhooks.adapter.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.webhooks.application.domain.model.WebhookEndpoint;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The public representation of a webhook endpoint: the API's answers and the {@code data} of
 * {@code endpoint.disabled}. {@code secret} is there only in the answer that creates or rolls it
 * ({@link #withSecret}); everywhere else it is left out. {@code dialect} is always there, null for
 * an endpoint of the canonical API.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record WebhookEndpointJson(String id, String object, String url, List<String> enabledEvents,
        @JsonInclude(JsonInclude.Include.ALWAYS) String description,
        @JsonInclude(JsonInclude.Include.ALWAYS) String dialect, String status, boolean livemode,
        String createdAt, String updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {
    public static final String OBJECT = "webhook_endpoint";

    public static WebhookEndpointJson of(WebhookEndpoint e) {
        return new WebhookEndpointJson(e.id().value(), OBJECT, e.url().value(), e.enabledEvents().types(),
                e.description(), e.dialect().orElse(null), e.status().wireName(), e.livemode(),
                timestamp(e.createdAt()), timestamp(e.updatedAt()), null);
    }

    /** Shown once: the creation or roll answer. */
    public static WebhookEndpointJson withSecret(WebhookEndpoint e, String revealedSecret) {
        WebhookEndpointJson j = of(e);
        return new WebhookEndpointJson(j.id, j.object, j.url, j.enabledEvents, j.description, j.dialect, j.status,
                j.livemode, j.createdAt, j.updatedAt, revealedSecret);
    }

    public static String timestamp(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The answer to a deletion. */
    public record Deleted(String id, String object, boolean deleted) {
        public static Deleted of(WebhookEndpoint e) {
            return new Deleted(e.id().value(), OBJECT, true);
        }
    }

    @Override
    public String toString() {
        return "WebhookEndpointJson[id=" + id + ", url=" + url + ", status=" + status + "]";
    }
}
