package dev.paysuite.dialects.aikdata;

import dev.paysuite.dialects.DialectRefusal;
import dev.paysuite.dialects.support.Query;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.page.PageQuery;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /charges?limit&offset&status}: an offset page of the canonical list. The page's
 * {@code limit} and {@code offset} are echoed in the answer, so they are read here, with the
 * canonical defaults, and sent explicitly; the canonical API checks their ranges and the status
 * (seed 003's statuses are the canonical ones).
 */
final class ChargesQuery {
    private static final String LIMIT = "limit";
    private static final String OFFSET = "offset";
    private static final String STATUS = "status";

    /** Which page was asked for. */
    record Window(int limit, int offset) {
        static final Window DEFAULT = new Window(PageQuery.DEFAULT_LIMIT, 0);
    }

    private ChargesQuery() {
    }

    static Window window(Map<String, String> query) {
        return new Window(integer(query, LIMIT, PageQuery.DEFAULT_LIMIT), integer(query, OFFSET, 0));
    }

    static String canonical(Map<String, String> query, Window window) {
        Map<String, String> canonical = new LinkedHashMap<>();
        canonical.put(LIMIT, String.valueOf(window.limit()));
        canonical.put(OFFSET, String.valueOf(window.offset()));
        String status = query.get(STATUS);
        canonical.put(STATUS, status == null || status.isBlank() ? null : status);
        return Query.write(canonical);
    }

    private static int integer(Map<String, String> query, String name, int absent) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw DialectRefusal.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Invalid " + name + ": expected an integer, got '" + value + "'.", name);
        }
    }
}
