package dev.paysuite.refunds.application.domain.model;

/** Every error code the refunds domain raises, in one place. */
public final class RefundErrorCodes {
    public static final String PARAMETER_MISSING = "parameter_missing";
    public static final String PARAMETER_INVALID = "parameter_invalid";
    public static final String AMOUNT_INVALID = "amount_invalid";
    public static final String CURRENCY_MISMATCH = "currency_mismatch";
    public static final String METADATA_INVALID = "metadata_invalid";
    public static final String PAYMENT_NOT_FOUND = "resource_missing";
    public static final String REFUND_NOT_FOUND = "resource_missing";
    public static final String PAYMENT_NOT_REFUNDABLE = "payment_not_refundable";
    public static final String PAYMENT_FULLY_REFUNDED = "charge_already_refunded";
    public static final String REFUND_EXCEEDS_REMAINING = "amount_exceeds_refundable";

    private RefundErrorCodes() {
    }
}
