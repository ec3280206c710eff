package dev.paysuite.payments.adapter.in.rest;

/** The body of {@code POST /v1/subscriptions/{id}/cancel}: at once (default), or at the current period's end. */
public record CancelSubscriptionRequest(Boolean atPeriodEnd) {
    static final CancelSubscriptionRequest EMPTY = new CancelSubscriptionRequest(null);
}
