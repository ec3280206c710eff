package dev.paysuite.kernel.id;

import java.util.Objects;
import java.util.regex.Pattern;

/** A test clock: simulated time a test-mode merchant advances at will. */
public record TestClockId(String value) implements TypedId {
    public static final String PREFIX = "clock_";
    /** The prefix and up to 36 letters or digits: every id we make (24 of them) and any a store can hold (42 in all). */
    private static final Pattern WELL_FORMED = Pattern.compile(PREFIX + "[A-Za-z0-9]{1,36}");

    public TestClockId {
        Objects.requireNonNull(value, "value");
    }

    /** Whether {@code value} could name a test clock at all; one that cannot is simply not found. */
    public static boolean isWellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches();
    }

    public static TestClockId generate() {
        return new TestClockId(Ids.generate(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
