package dev.paysuite.webhooks.application.domain.model;

import java.util.Set;

/**
 * Every event type an endpoint may subscribe to: what payments-, refunds- and methods-service publish
 * (payments-service also its subscriptions' events), plus the types this service and later issues add. A subscription to a type nobody publishes is a
 * typo that would silently never fire, so it is refused ({@link EnabledEvents}).
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
    /** Announced by the brief (disputes); accepted now so subscriptions need not change when it ships. */
    public static final String CHARGEBACK_CREATED = "chargeback.created";

    public static final Set<String> KNOWN = Set.of(PAYMENT_CREATED, PAYMENT_PROCESSING, PAYMENT_REQUIRES_ACTION,
            PAYMENT_REQUIRES_CAPTURE, PAYMENT_SUCCEEDED, PAYMENT_FAILED, PAYMENT_CANCELED, PAYMENT_REFUNDED,
            SUBSCRIPTION_CREATED, SUBSCRIPTION_UPDATED, SUBSCRIPTION_CANCELED, REFUND_CREATED, REFUND_SUCCEEDED,
            REFUND_FAILED, CUSTOMER_CREATED, PAYMENT_METHOD_ATTACHED, PAYMENT_METHOD_DETACHED, ENDPOINT_DISABLED,
            CHARGEBACK_CREATED);

    private EventTypes() {
    }

    public static boolean isKnown(String type) {
        return type != null && KNOWN.contains(type);
    }
}
