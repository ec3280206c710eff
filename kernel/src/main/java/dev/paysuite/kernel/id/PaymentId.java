package dev.paysuite.kernel.id;

import java.util.Objects;
import java.util.regex.Pattern;

/** A payment. */
public record PaymentId(String value) implements TypedId {
    public static final String PREFIX = "pay_";
    /** The prefix and up to 36 letters or digits: every id we make (24 of them) and any a store can hold (40 in all). */
    private static final Pattern WELL_FORMED = Pattern.compile(PREFIX + "[A-Za-z0-9]{1,36}");

    public PaymentId {
        Objects.requireNonNull(value, "value");
    }

    /** Whether {@code value} could name a payment at all; one that cannot is simply not found. */
    public static boolean isWellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches();
    }

    public static PaymentId generate() {
        return new PaymentId(Ids.generate(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
