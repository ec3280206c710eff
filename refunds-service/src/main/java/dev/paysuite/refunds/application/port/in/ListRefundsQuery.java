package dev.paysuite.refunds.application.port.in;

import dev.paysuite.refunds.application.domain.model.RefundErrorCodes;
import dev.paysuite.refunds.application.domain.model.RefundException;
import dev.paysuite.refunds.application.domain.model.RefundStatus;

/** One page of a merchant's refunds (of one payment, when {@code paymentId} is given), newest first. */
public record ListRefundsQuery(String merchantId, boolean livemode, String paymentId, RefundStatus status, int limit,
        String startingAfter, String endingBefore, int offset) {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    public ListRefundsQuery {
        if (merchantId == null || merchantId.isBlank()) {
            throw new IllegalArgumentException("merchantId is required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RefundException.invalid(RefundErrorCodes.PARAMETER_INVALID,
                    "limit must be an integer between 1 and " + MAX_LIMIT + ".", "limit");
        }
        if (offset < 0) {
            throw RefundException.invalid(RefundErrorCodes.PARAMETER_INVALID, "offset must be a non-negative integer.",
                    "offset");
        }
        int paginations = (startingAfter != null ? 1 : 0) + (endingBefore != null ? 1 : 0) + (offset > 0 ? 1 : 0);
        if (paginations > 1) {
            throw RefundException.invalid(RefundErrorCodes.PARAMETER_INVALID,
                    "Use only one of starting_after, ending_before and offset.", "offset");
        }
    }
}
