package dev.paysuite.refunds.application.domain.model;

/**
 * The error codes only the refunds domain raises, in one place; codes other modules raise too
 * (parameter_missing, amount_invalid, resource_missing, ...) are the kernel's {@code ErrorCodes}.
 */
public final class RefundErrorCodes {
    public static final String CURRENCY_MISMATCH = "currency_mismatch";
    public static final String PAYMENT_NOT_REFUNDABLE = "payment_not_refundable";
    public static final String PAYMENT_FULLY_REFUNDED = "charge_already_refunded";
    public static final String REFUND_EXCEEDS_REMAINING = "amount_exceeds_refundable";
    /** Nothing is left to refund because a dispute holds what refunds left (422). */
    public static final String PAYMENT_DISPUTED = "payment_disputed";

    private RefundErrorCodes() {
    }
}
