package dev.paysuite.payments.adapter.in.rest;

/** The optional body of {@code POST /v1/payments/{id}/cancel}. */
public record CancelPaymentRequest(String reason) {
    static final CancelPaymentRequest EMPTY = new CancelPaymentRequest(null);
}
