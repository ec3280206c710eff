package dev.paysuite.webhooks.adapter.in.rest;

/** {@code POST /v1/webhook_endpoints/{id}/recover}: {@code since} as Unix seconds or ISO 8601. */
public record RecoverRequest(String since) {
}
