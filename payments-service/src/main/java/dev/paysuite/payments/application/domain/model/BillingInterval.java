package dev.paysuite.payments.application.domain.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * How often a subscription charges. Periods are counted from the subscription's anchor in UTC, on
 * the calendar: the n-th month after 31 January is the last day of that month, never a drift of
 * one shortened month into the next ones.
 */
public enum BillingInterval {
    DAY, WEEK, MONTH, YEAR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BillingInterval> fromWire(String value) {
        for (BillingInterval interval : values()) {
            if (interval.wireName().equals(value)) {
                return Optional.of(interval);
            }
        }
        return Optional.empty();
    }

    /** The instant {@code units} of this interval after {@code anchor}. */
    public Instant after(Instant anchor, long units) {
        ZonedDateTime start = anchor.atZone(ZoneOffset.UTC);
        ZonedDateTime at = switch (this) {
            case DAY -> start.plusDays(units);
            case WEEK -> start.plusWeeks(units);
            case MONTH -> start.plusMonths(units);
            case YEAR -> start.plusYears(units);
        };
        return at.toInstant();
    }
}
