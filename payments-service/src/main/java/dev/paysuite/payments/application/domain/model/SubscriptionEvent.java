package dev.paysuite.payments.application.domain.model;

/**
 * What happened to a subscription: {@code subscription.created}, {@code subscription.updated} or
 * {@code subscription.canceled}, carrying the subscription right after the change and its place in
 * the subscription's history ({@link Subscription#eventSequence()}).
 */
public record SubscriptionEvent(String id, String type, Subscription subscription) {
    public static final String CREATED = "subscription.created";
    public static final String UPDATED = "subscription.updated";
    public static final String CANCELED = "subscription.canceled";
}
