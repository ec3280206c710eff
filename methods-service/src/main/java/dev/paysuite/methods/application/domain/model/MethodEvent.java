package dev.paysuite.methods.application.domain.model;

import dev.paysuite.kernel.id.EventId;
import java.time.Instant;

/**
 * Something that happened to a customer or a method, for {@code methods.events}: {@code subject} is
 * the object the event is about; its current state goes with it.
 */
public record MethodEvent(EventId id, String type, Instant occurredAt, Object subject) {
    public static final String CUSTOMER_CREATED = "customer.created";
    public static final String METHOD_ATTACHED = "payment_method.attached";
    public static final String METHOD_DETACHED = "payment_method.detached";

    public static MethodEvent customerCreated(Customer customer) {
        return new MethodEvent(EventId.generate(), CUSTOMER_CREATED, customer.createdAt(), customer);
    }

    public static MethodEvent attached(PaymentMethod method, Instant at) {
        return new MethodEvent(EventId.generate(), METHOD_ATTACHED, at, method);
    }

    public static MethodEvent detached(PaymentMethod method, Instant at) {
        return new MethodEvent(EventId.generate(), METHOD_DETACHED, at, method);
    }
}
