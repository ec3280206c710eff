package dev.paysuite.kernel;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current instant at the precision the database keeps (microseconds), so what is saved reads back equal. */
public final class Now {
    private Now() {
    }

    public static Instant of(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
