package dev.paysuite.kernel.id;

import java.util.Objects;

/** A customer. */
public record CustomerId(String value) implements TypedId {
    public static final String PREFIX = "cus_";

    public CustomerId {
        Objects.requireNonNull(value, "value");
    }

    public static CustomerId generate() {
        return new CustomerId(Ids.generate(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
