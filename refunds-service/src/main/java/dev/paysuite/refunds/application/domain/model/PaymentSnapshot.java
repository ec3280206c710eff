package dev.paysuite.refunds.application.domain.model;

import java.util.Objects;

/**
 * What refunds-service needs to know of a payment, as of one event on payments.events
 * ({@code sequence} is that event's position in the payment's history).
 */
public record PaymentSnapshot(String paymentId, String merchantId, boolean livemode, String currency, long amount,
        long amountCaptured, String status, String cardLast4, long sequence) {

    public PaymentSnapshot {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
    }
}
