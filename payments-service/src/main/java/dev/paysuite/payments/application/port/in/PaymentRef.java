package dev.paysuite.payments.application.port.in;

/** A payment as one merchant sees it: another merchant's payment, or one of the other mode, does not exist. */
public record PaymentRef(String merchantId, boolean livemode, String paymentId) {
    public PaymentRef {
        if (merchantId == null || merchantId.isBlank() || paymentId == null) {
            throw new IllegalArgumentException("merchantId and paymentId are required");
        }
    }
}
