package dev.paysuite.kernel.id;

import java.util.Objects;
import java.util.regex.Pattern;

/** A customer. */
public record CustomerId(String value) implements TypedId {
    public static final String PREFIX = "cus_";
    /** The prefix and up to 60 letters, digits or underscores: every id we make, and any a caller may name. */
    private static final Pattern WELL_FORMED = Pattern.compile(PREFIX + "[A-Za-z0-9_]{1,60}");

    public CustomerId {
        Objects.requireNonNull(value, "value");
    }

    /** Whether {@code value} could name a customer at all; one that cannot is simply not found. */
    public static boolean isWellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches();
    }

    public static CustomerId generate() {
        return new CustomerId(Ids.generate(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
