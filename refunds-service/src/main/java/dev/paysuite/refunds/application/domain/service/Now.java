package dev.paysuite.refunds.application.domain.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current instant at the precision the database keeps, so what is saved reads back equal. */
final class Now {
    private Now() {
    }

    static Instant of(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
