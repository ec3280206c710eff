package dev.paysuite.methods.adapter.in.rest;

import java.util.Map;

/** The body of {@code POST /v1/customers} and of its update, {@code POST /v1/customers/{id}}. */
public record CustomerRequest(String email, String name, String description, Map<String, String> metadata,
        String defaultPaymentMethodId) {
    static final CustomerRequest EMPTY = new CustomerRequest(null, null, null, null, null);
}
