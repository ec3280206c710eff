package dev.paysuite.webhooks.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/webhook_endpoints/{id}/recover}: {@code since} as Unix seconds (a JSON number or
 * a string of digits) or an ISO 8601 time.
 */
public record RecoverRequest(
        @Schema(oneOf = { Long.class, String.class }, description = "Unix seconds, or an ISO 8601 time such as 2026-01-31T12:00:00Z")
        JsonNode since) {
}
