package dev.paysuite.dialects;

import java.util.Map;
import java.util.Optional;

/**
 * A dialect's webhook events. An endpoint registered through a dialect's base path subscribes in
 * the dialect's event names and receives each event in the dialect's type name and payload shape,
 * signed as every delivery is.
 */
public interface WebhookDialect {

    /** The dialect's event types, each with the canonical type it stands for; in a stable order. */
    Map<String, String> eventTypes();

    /**
     * The body a dialect endpoint receives for a canonical event, or empty when the dialect has no
     * event for its type (the endpoint is then not sent it).
     *
     * @param canonicalEvent the event as the canonical API shows it ({@code GET /v1/events/{id}}):
     *     {@code id}, {@code type}, {@code created_at}, {@code data} (the payment or refund), ...
     */
    Optional<String> event(String canonicalEvent);
}
