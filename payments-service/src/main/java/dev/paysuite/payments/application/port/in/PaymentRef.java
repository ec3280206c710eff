package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.id.PaymentId;

/** A payment as one merchant sees it: another merchant's payment, or one of the other mode, does not exist. */
public record PaymentRef(String merchantId, boolean livemode, PaymentId paymentId) {
    public PaymentRef {
        if (merchantId == null || merchantId.isBlank() || paymentId == null) {
            throw new IllegalArgumentException("merchantId and paymentId are required");
        }
    }

    public PaymentRef(String merchantId, boolean livemode, String paymentId) {
        this(merchantId, livemode, paymentId == null ? null : new PaymentId(paymentId));
    }
}
