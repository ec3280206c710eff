package dev.paysuite.payments.application.port.in;

import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.domain.model.PaymentErrorCodes;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import java.time.Instant;

/**
 * One page of a merchant's payments, newest first. Paginate with exactly one of a cursor
 * ({@code startingAfter}: older than that payment; {@code endingBefore}: newer than it) or an
 * {@code offset}.
 */
public record ListPaymentsQuery(String merchantId, boolean livemode, PaymentStatus status, String customerId,
        Instant createdAfter, Instant createdBefore, int limit, String startingAfter, String endingBefore,
        int offset) {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    public ListPaymentsQuery {
        if (merchantId == null || merchantId.isBlank()) {
            throw new IllegalArgumentException("merchantId is required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw PaymentException.invalid(PaymentErrorCodes.PARAMETER_INVALID,
                    "limit must be an integer between 1 and " + MAX_LIMIT + ".", "limit");
        }
        if (offset < 0) {
            throw PaymentException.invalid(PaymentErrorCodes.PARAMETER_INVALID,
                    "offset must be a non-negative integer.", "offset");
        }
        int paginations = (startingAfter != null ? 1 : 0) + (endingBefore != null ? 1 : 0) + (offset > 0 ? 1 : 0);
        if (paginations > 1) {
            throw PaymentException.invalid(PaymentErrorCodes.PARAMETER_INVALID,
                    "Use only one of starting_after, ending_before and offset.",
                    startingAfter != null && endingBefore != null ? "ending_before" : "offset");
        }
    }
}
