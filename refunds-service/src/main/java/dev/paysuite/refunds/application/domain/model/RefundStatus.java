package dev.paysuite.refunds.application.domain.model;

import java.util.Locale;
import java.util.Optional;

public enum RefundStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RefundStatus> fromWireName(String value) {
        for (RefundStatus s : values()) {
            if (s.wireName().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
