package dev.paysuite.payments.application.domain.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a dispute stands: {@code needs_response} (the merchant may give evidence until
 * {@code evidence_due_by}), {@code under_review} (evidence submitted; the issuer decides), and one of
 * three final statuses: {@code won} (the money goes back to the merchant), {@code lost} (it stays
 * with the cardholder; also when the merchant accepts the dispute, or gives no evidence in time) and
 * {@code closed} (the cardholder withdrew the dispute: the money goes back to the merchant).
 */
public enum DisputeStatus {
    NEEDS_RESPONSE, UNDER_REVIEW, WON, LOST, CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DisputeStatus> fromWire(String value) {
        for (DisputeStatus status : values()) {
            if (status.wireName().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    public boolean isFinal() {
        return this == WON || this == LOST || this == CLOSED;
    }

    /** Whether a dispute in this status holds its amount of the payment: while open, and once lost. */
    public boolean holdsFunds() {
        return this != WON && this != CLOSED;
    }
}
