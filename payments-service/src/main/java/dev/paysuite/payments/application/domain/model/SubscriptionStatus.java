package dev.paysuite.payments.application.domain.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a subscription stands: {@code active} (charged every cycle), {@code past_due} (a cycle
 * failed and is being retried), {@code paused} (no cycle is charged until resumed),
 * {@code canceled} (for good) and {@code unpaid} (every retry of a cycle failed; nothing more is
 * charged until it is resumed).
 */
public enum SubscriptionStatus {
    ACTIVE, PAST_DUE, PAUSED, CANCELED, UNPAID;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SubscriptionStatus> fromWire(String value) {
        for (SubscriptionStatus status : values()) {
            if (status.wireName().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Whether cycles are charged (and retried) in this status. */
    public boolean charges() {
        return this == ACTIVE || this == PAST_DUE;
    }
}
