package dev.paysuite.platform.web;

import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.platform.error.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses query parameters strictly: a value that is not what it should be is a 400 naming the parameter. */
public final class QueryParams {
    /** Times a filter may name: years 1 to 9999, which Java and PostgreSQL's timestamptz both hold. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private QueryParams() {
    }

    /** A parameter left empty or blank is a parameter not given. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public static int integer(String value, String param, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID, "Invalid " + param + ": expected an integer.",
                    param);
        }
    }

    /**
     * ISO 8601 date-time with offset ({@code 2025-11-06T19:54:00Z}), a date (midnight UTC), or Unix
     * seconds, from {@link #EARLIEST} to {@link #LATEST}.
     */
    public static Instant instant(String value, String param) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        Instant instant;
        try {
            if (v.matches("-?[0-9]{1,12}")) {
                instant = Instant.ofEpochSecond(Long.parseLong(v));
            } else if (v.length() == 10) {
                instant = LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else {
                instant = OffsetDateTime.parse(v).toInstant();
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Invalid " + param + ": expected an ISO 8601 timestamp such as 2025-11-06T19:54:00Z.", param);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Invalid " + param + ": must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.", param);
        }
        return instant;
    }
}
