package dev.paysuite.methods.adapter.in.rest;

import java.util.Map;

/**
 * The body of {@code POST /v1/customers} and of its update, {@code POST /v1/customers/{id}}; a creation
 * takes no {@code default_payment_method_id}, an update no {@code test_clock}.
 */
public record CustomerRequest(String email, String name, String description, Map<String, String> metadata,
        String defaultPaymentMethodId, String testClock) {
    static final CustomerRequest EMPTY = new CustomerRequest(null, null, null, null, null, null);
}
