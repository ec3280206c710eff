package dev.paysuite.payments.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.payments.application.domain.model.Subscription;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.web.QueryParams;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/subscriptions}, as received; the subscription it becomes is validated by the domain. */
public record CreateSubscriptionRequest(String customerId, String paymentMethodId, Long amount, String currency,
        @Schema(enumeration = { "day", "week", "month", "year" }) String interval, Long intervalCount,
        @Schema(oneOf = { String.class, Long.class }, description = "When the first cycle is charged: an ISO 8601 "
                + "timestamp or Unix seconds, not in the past (default: now)") JsonNode startAt,
        @Schema(oneOf = { String.class, Long.class }, description = "No cycle starts at or after this time; the "
                + "subscription is canceled then") JsonNode endAt,
        @Schema(description = "How many cycles are charged; the subscription is canceled after the last one's period")
        Long cycles,
        Map<String, String> metadata,
        @Schema(description = "Test mode only: the test clock whose time the subscription follows (its customer's by default)")
        String testClock) {

    static final CreateSubscriptionRequest EMPTY = new CreateSubscriptionRequest(null, null, null, null, null, null,
            null, null, null, null, null);

    Subscription.Draft toDraft() {
        TestClockId clock = null;
        if (testClock != null) {
            if (!TestClockId.isWellFormed(testClock)) {
                throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                        "Invalid test_clock: expected a test clock's id (clock_…).", "test_clock");
            }
            clock = new TestClockId(testClock);
        }
        return new Subscription.Draft(customerId, paymentMethodId, amount, currency, interval, intervalCount,
                instant(startAt, "start_at"), instant(endAt, "end_at"), cycles, Metadata.of(metadata), clock);
    }

    static Instant instant(JsonNode value, String param) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() || value.isTextual()) {
            return QueryParams.instant(value.asText(), param);
        }
        throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                "Invalid " + param + ": expected an ISO 8601 timestamp or Unix seconds.", param);
    }
}
