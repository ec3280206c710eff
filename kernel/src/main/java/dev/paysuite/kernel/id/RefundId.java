package dev.paysuite.kernel.id;

import java.util.Objects;

/** A refund. */
public record RefundId(String value) implements TypedId {
    public static final String PREFIX = "ref_";

    public RefundId {
        Objects.requireNonNull(value, "value");
    }

    public static RefundId generate() {
        return new RefundId(Ids.generate(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
