package dev.paysuite.payments.adapter.in.rest;

/** The optional body of {@code POST /v1/payments/{id}/capture}; without an amount the whole authorization. */
public record CapturePaymentRequest(Long amountToCapture) {
    static final CapturePaymentRequest EMPTY = new CapturePaymentRequest(null);
}
