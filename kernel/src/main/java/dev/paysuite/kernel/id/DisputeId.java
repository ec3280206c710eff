package dev.paysuite.kernel.id;

import java.util.Objects;
import java.util.regex.Pattern;

/** A dispute (chargeback): a cardholder contesting a payment with their bank. */
public record DisputeId(String value) implements TypedId {
    public static final String PREFIX = "dp_";
    /** The prefix and up to 36 letters or digits: every id we make (24 of them) and any a store can hold (39 in all). */
    private static final Pattern WELL_FORMED = Pattern.compile(PREFIX + "[A-Za-z0-9]{1,36}");

    public DisputeId {
        Objects.requireNonNull(value, "value");
    }

    /** Whether {@code value} could name a dispute at all; one that cannot is simply not found. */
    public static boolean isWellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches();
    }

    public static DisputeId generate() {
        return new DisputeId(Ids.generate(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
