package dev.paysuite.webhooks.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /v1/webhook_endpoints/{id}/recover}: {@code since} as Unix seconds (a JSON number or
 * a string of digits) or an ISO 8601 time.
 */
public record RecoverRequest(JsonNode since) {
}
