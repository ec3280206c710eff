package dev.paysuite.payments.application.domain.model;

import java.util.Objects;

public record PaymentId(String value) {
    public static final String PREFIX = "pay_";

    public PaymentId {
        Objects.requireNonNull(value, "value");
    }

    public static PaymentId generate() {
        return new PaymentId(Ids.generate(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
