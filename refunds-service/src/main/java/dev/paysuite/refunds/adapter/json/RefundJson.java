package dev.paysuite.refunds.adapter.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.refunds.application.domain.model.Refund;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The public representation of a refund: the API's answers and the {@code data} of the events on
 * {@code refunds.events}. Timestamps are ISO 8601 UTC to the second.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RefundJson(String id, String object, String paymentId, long amount, String currency, String status,
        String reason, Map<String, String> metadata, String failureReason, boolean livemode, String createdAt,
        String updatedAt) {

    public static RefundJson of(Refund r) {
        return new RefundJson(r.id().value(), "refund", r.paymentId().value(), r.amount().amount(),
                r.amount().currency().code(), r.status().wireName(),
                r.reason(), r.metadata().values(), r.failureReason(), r.livemode(), timestamp(r.createdAt()),
                timestamp(r.updatedAt()));
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
