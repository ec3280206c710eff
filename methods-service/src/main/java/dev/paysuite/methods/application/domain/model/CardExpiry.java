package dev.paysuite.methods.application.domain.model;

import java.time.YearMonth;

/** A card's expiry month and year; a card is good through the last day of its month. */
public record CardExpiry(int month, int year) {
    static final String MONTH = "card.expMonth";
    static final String YEAR = "card.expYear";

    /**
     * Checks the month (1 to 12) and the year (four digits, or two meaning 20xx, as printed on
     * cards) and refuses a card whose month is over by {@code now}.
     */
    public static CardExpiry of(Integer month, Integer year, YearMonth now) {
        if (month == null) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.EXPIRY_INVALID, MONTH, "is required.");
        }
        if (year == null) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.EXPIRY_INVALID, YEAR, "is required.");
        }
        if (month < 1 || month > 12) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.EXPIRY_INVALID, MONTH, "must be a month from 1 to 12.");
        }
        int fullYear = year >= 0 && year < 100 ? 2000 + year : year;
        if (fullYear < 2000 || fullYear > now.getYear() + 50) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.EXPIRY_INVALID, YEAR,
                    "must be a year from 2000 to " + (now.getYear() + 50) + ".");
        }
        if (YearMonth.of(fullYear, month).isBefore(now)) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.CARD_EXPIRED, YEAR, "is in the past: the card has expired.");
        }
        return new CardExpiry(month, fullYear);
    }
}
