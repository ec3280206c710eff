package dev.paysuite.kernel.id;

import java.util.Objects;

/** A payment. */
public record PaymentId(String value) implements TypedId {
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
