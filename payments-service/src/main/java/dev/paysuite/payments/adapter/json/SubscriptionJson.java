package dev.paysuite.payments.adapter.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.payments.application.domain.model.Subscription;
import java.util.Map;

/**
 * The public representation of a subscription: the API's answers and the {@code data} of its events
 * on {@code payments.events}. Amounts in the currency's minor unit; times ISO 8601 UTC to the second.
 * {@code next_attempt_at} is when it is next charged (or retried, or ended); {@code attempt_count}
 * the attempts made at the current cycle; {@code latest_payment} the last cycle payment.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SubscriptionJson(String id, String object, String customerId, String paymentMethodId, long amount,
        String currency, String interval, int intervalCount, String status, String startAt, String endAt,
        Integer cycles, int cyclesPaid, int currentCycle, String currentPeriodStart, String currentPeriodEnd,
        boolean cancelAtPeriodEnd, String canceledAt, String cancellationReason, String nextAttemptAt,
        int attemptCount, String latestPayment, String testClock, Map<String, String> metadata, boolean livemode,
        String createdAt, String updatedAt) {

    public static SubscriptionJson of(Subscription s) {
        return new SubscriptionJson(s.id().value(), "subscription", s.customerId(), s.paymentMethodId(),
                s.amount().amount(), s.amount().currency().code(), s.interval().wireName(), s.intervalCount(),
                s.status().wireName(), PaymentJson.timestamp(s.startAt()), PaymentJson.timestamp(s.endAt()),
                s.cycles(), s.cyclesPaid(), s.currentCycle(), PaymentJson.timestamp(s.currentPeriodStart()),
                PaymentJson.timestamp(s.currentPeriodEnd()), s.cancelAtPeriodEnd(),
                PaymentJson.timestamp(s.canceledAt()), s.cancellationReason(),
                PaymentJson.timestamp(s.nextAttemptAt()), s.attempt(),
                s.latestPayment() == null ? null : s.latestPayment().value(),
                s.testClock() == null ? null : s.testClock().value(), s.metadata().values(), s.livemode(),
                PaymentJson.timestamp(s.createdAt()), PaymentJson.timestamp(s.updatedAt()));
    }
}
