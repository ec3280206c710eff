package dev.paysuite.kernel.id;

import java.util.Objects;

/** A stored payment method. */
public record PaymentMethodId(String value) implements TypedId {
    public static final String PREFIX = "pm_";

    public PaymentMethodId {
        Objects.requireNonNull(value, "value");
    }

    public static PaymentMethodId generate() {
        return new PaymentMethodId(Ids.generate(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
