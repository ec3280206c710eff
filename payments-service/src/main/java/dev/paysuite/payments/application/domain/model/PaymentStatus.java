package dev.paysuite.payments.application.domain.model;

import java.util.Locale;
import java.util.Optional;

public enum PaymentStatus {
    PENDING,
    PROCESSING,
    REQUIRES_ACTION,
    REQUIRES_CAPTURE,
    SUCCEEDED,
    FAILED,
    CANCELED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentStatus> fromWireName(String value) {
        for (PaymentStatus s : values()) {
            if (s.wireName().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Money has not moved yet and nothing final happened: the payment can still be canceled. Not while
     * the processor decides something about it ({@code processing}): its answer comes first.
     */
    public boolean isCancelable() {
        return this == PENDING || this == REQUIRES_ACTION || this == REQUIRES_CAPTURE;
    }
}
