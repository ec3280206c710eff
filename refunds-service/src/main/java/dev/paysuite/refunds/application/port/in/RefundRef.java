package dev.paysuite.refunds.application.port.in;

/** A refund as one merchant sees it: another merchant's refund, or one of the other mode, does not exist. */
public record RefundRef(String merchantId, boolean livemode, String refundId) {
    public RefundRef {
        if (merchantId == null || merchantId.isBlank() || refundId == null) {
            throw new IllegalArgumentException("merchantId and refundId are required");
        }
    }
}
