package dev.paysuite.webhooks.adapter.in.rest;

import dev.paysuite.webhooks.adapter.json.WebhookEndpointJson;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.webhooks.application.port.in.AttemptLine;

/** One line of an endpoint's delivery log ({@code GET /v1/webhook_endpoints/{id}/attempts}). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryAttemptJson(String id, String object, String deliveryId, String endpointId, String eventId,
        int attemptNumber, String at, Integer statusCode, long durationMs, String error, boolean succeeded) {

    public static DeliveryAttemptJson of(AttemptLine line) {
        var a = line.attempt();
        return new DeliveryAttemptJson(line.id().value(), "webhook_attempt", a.deliveryId().value(),
                line.endpointId().value(), line.eventId().value(), a.number(), WebhookEndpointJson.timestamp(a.at()),
                a.statusCode(), a.durationMs(), a.error(), a.succeeded());
    }
}
