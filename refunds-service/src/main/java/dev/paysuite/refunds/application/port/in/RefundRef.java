package dev.paysuite.refunds.application.port.in;

import dev.paysuite.kernel.id.RefundId;

/** A refund as one merchant sees it: another merchant's refund, or one of the other mode, does not exist. */
public record RefundRef(String merchantId, boolean livemode, RefundId refundId) {
    public RefundRef {
        if (merchantId == null || merchantId.isBlank() || refundId == null) {
            throw new IllegalArgumentException("merchantId and refundId are required");
        }
    }

    public RefundRef(String merchantId, boolean livemode, String refundId) {
        this(merchantId, livemode, refundId == null ? null : new RefundId(refundId));
    }
}
