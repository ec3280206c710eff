package dev.paysuite.kernel.page;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which page of a list is asked for: up to {@code limit} objects, newest first, starting with
 * exactly one of a cursor ({@code startingAfter}: older than that object; {@code endingBefore}:
 * newer than it) or an {@code offset}.
 */
public record PageQuery(int limit, String startingAfter, String endingBefore, int offset) {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    public PageQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{limit} must be an integer between 1 and " + MAX_LIMIT + ".", "limit");
        }
        if (offset < 0) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID, "{offset} must be a non-negative integer.",
                    "offset");
        }
        int ways = (startingAfter != null ? 1 : 0) + (endingBefore != null ? 1 : 0) + (offset > 0 ? 1 : 0);
        if (ways > 1) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Use only one of {startingAfter}, {endingBefore} and {offset}.",
                    startingAfter != null && endingBefore != null ? "endingBefore" : "offset");
        }
    }

    public static PageQuery first(int limit) {
        return new PageQuery(limit, null, null, 0);
    }

    /**
     * Turns the query into a request a persistence adapter can answer, finding the cursor object
     * with {@code cursors} (which sees only the caller's objects). An unknown cursor is refused.
     */
    public PageRequest resolve(Function<String, Optional<? extends Listable>> cursors) {
        if (startingAfter != null) {
            Listable cursor = cursor(cursors, startingAfter, "startingAfter");
            return new PageRequest.After(cursor.createdAt(), cursor.id().value(), limit);
        }
        if (endingBefore != null) {
            Listable cursor = cursor(cursors, endingBefore, "endingBefore");
            return new PageRequest.Before(cursor.createdAt(), cursor.id().value(), limit);
        }
        return new PageRequest.FromOffset(offset, limit);
    }

    private static Listable cursor(Function<String, Optional<? extends Listable>> cursors, String id, String field) {
        return cursors.apply(id).orElseThrow(() -> DomainException.invalid(ErrorCodes.RESOURCE_MISSING,
                "{" + field + "} names nothing in this list: '" + id + "'.", field));
    }
}
