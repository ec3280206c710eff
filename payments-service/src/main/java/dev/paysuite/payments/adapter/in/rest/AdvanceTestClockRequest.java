package dev.paysuite.payments.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/test_clocks/{id}/advance}. */
public record AdvanceTestClockRequest(
        @Schema(required = true, oneOf = { String.class, Long.class }, description = "The time to move the clock to: "
                + "later than its frozen_time, by at most two years") JsonNode frozenTime) {
    static final AdvanceTestClockRequest EMPTY = new AdvanceTestClockRequest(null);
}
