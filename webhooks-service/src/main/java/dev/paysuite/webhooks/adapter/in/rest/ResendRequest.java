package dev.paysuite.webhooks.adapter.in.rest;

/** {@code POST /v1/webhook_endpoints/{id}/resend}. */
public record ResendRequest(String eventId) {
}
