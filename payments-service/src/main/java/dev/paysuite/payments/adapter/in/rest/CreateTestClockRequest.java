package dev.paysuite.payments.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/test_clocks}. */
public record CreateTestClockRequest(String name,
        @Schema(oneOf = { String.class, Long.class }, description = "The clock's starting time: Unix seconds or an "
                + "ISO 8601 timestamp (default: now)") JsonNode frozenTime) {
    static final CreateTestClockRequest EMPTY = new CreateTestClockRequest(null, null);
}
