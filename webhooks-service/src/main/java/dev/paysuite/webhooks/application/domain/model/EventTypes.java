package dev.paysuite.webhooks.application.domain.model;

import java.util.Map;
import java.util.Set;

/**
 * Every event type an endpoint may subscribe to: what payments-, refunds- and methods-service publish
 * (payments-service also its subscriptions' and disputes' events), plus the types this service adds,
 * plus aliases: other names of a published type ({@link #ALIASES}). A subscription to a type nobody
 * publishes is a typo that would silently never fire, so it is refused ({@link EnabledEvents}).
 */
public final class EventTypes {
    /** Subscribes to every type, including those added later. */
    public static final String ALL = "*";

    public static final String PAYMENT_CREATED = "payment.created";
    public static final String PAYMENT_PROCESSING = "payment.processing";
    public static final String PAYMENT_REQUIRES_ACTION = "payment.requires_action";
    public static final String PAYMENT_REQUIRES_CAPTURE = "payment.requires_capture";
    public static final String PAYMENT_SUCCEEDED = "payment.succeeded";
    public static final String PAYMENT_FAILED = "payment.failed";
    public static final String PAYMENT_CANCELED = "payment.canceled";
    public static final String PAYMENT_REFUNDED = "payment.refunded";
    public static final String SUBSCRIPTION_CREATED = "subscription.created";
    public static final String SUBSCRIPTION_UPDATED = "subscription.updated";
    public static final String SUBSCRIPTION_CANCELED = "subscription.canceled";
    public static final String REFUND_CREATED = "refund.created";
    public static final String REFUND_SUCCEEDED = "refund.succeeded";
    public static final String REFUND_FAILED = "refund.failed";
    public static final String CUSTOMER_CREATED = "customer.created";
    public static final String PAYMENT_METHOD_ATTACHED = "payment_method.attached";
    public static final String PAYMENT_METHOD_DETACHED = "payment_method.detached";
    /** Published by this service when it disables an endpoint whose deliveries kept failing. */
    public static final String ENDPOINT_DISABLED = "endpoint.disabled";
    /** A dispute (chargeback) opened on a payment; published by payments-service as an event of the payment. */
    public static final String DISPUTE_CREATED = "dispute.created";
    /** A dispute changed (its evidence, its status) without reaching a final status. */
    public static final String DISPUTE_UPDATED = "dispute.updated";
    /** A dispute reached its final status ({@code won}, {@code lost} or {@code closed}). */
    public static final String DISPUTE_CLOSED = "dispute.closed";
    /**
     * Never published: the (and seed 001's) name for {@link #DISPUTE_CREATED}, accepted as an
     * alias ({@link #ALIASES}). An endpoint subscribed to it receives the {@code dispute.created} events,
     * whose type stays {@code dispute.created} in the canonical API.
     */
    public static final String CHARGEBACK_CREATED = "chargeback.created";

    /** Subscribable names of a published type, each with the type it stands for. */
    public static final Map<String, String> ALIASES = Map.of(CHARGEBACK_CREATED, DISPUTE_CREATED);

    public static final Set<String> KNOWN = Set.of(PAYMENT_CREATED, PAYMENT_PROCESSING, PAYMENT_REQUIRES_ACTION,
            PAYMENT_REQUIRES_CAPTURE, PAYMENT_SUCCEEDED, PAYMENT_FAILED, PAYMENT_CANCELED, PAYMENT_REFUNDED,
            SUBSCRIPTION_CREATED, SUBSCRIPTION_UPDATED, SUBSCRIPTION_CANCELED, REFUND_CREATED, REFUND_SUCCEEDED,
            REFUND_FAILED, CUSTOMER_CREATED, PAYMENT_METHOD_ATTACHED, PAYMENT_METHOD_DETACHED, ENDPOINT_DISABLED,
            DISPUTE_CREATED, DISPUTE_UPDATED, DISPUTE_CLOSED, CHARGEBACK_CREATED);

    private EventTypes() {
    }

    public static boolean isKnown(String type) {
        return type != null && KNOWN.contains(type);
    }

    /** The published type a subscribed name stands for: itself, or the type an alias names. */
    public static String published(String subscribed) {
        return ALIASES.getOrDefault(subscribed, subscribed);
    }
}
