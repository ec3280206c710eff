package dev.paysuite.payments.application.domain.model;

/**
 * The error codes only the payments domain raises, in one place; codes other modules raise too
 * (parameter_missing, amount_invalid, resource_missing, ...) are the kernel's {@code ErrorCodes}.
 */
public final class PaymentErrorCodes {
    public static final String CURRENCY_NOT_SUPPORTED = "currency_not_supported";
    public static final String PAYMENT_METHOD_UNSUPPORTED = "payment_method_unsupported";
    public static final String PAYMENT_UNEXPECTED_STATE = "payment_unexpected_state";
    public static final String PAYMENT_ALREADY_CANCELED = "payment_already_canceled";
    public static final String PAYMENT_ALREADY_CAPTURED = "payment_already_captured";
    public static final String CAPTURE_AMOUNT_INVALID = "amount_to_capture_invalid";
    public static final String REFUND_EXCEEDS_CAPTURED = "refund_exceeds_captured";
    /** A payment link that is deactivated, expired, or (one-time) already paid takes no payment. */
    public static final String PAYMENT_LINK_INACTIVE = "payment_link_inactive";
    public static final String CARD_DECLINED = "card_declined";
    public static final String INSUFFICIENT_FUNDS = "insufficient_funds";
    public static final String EXPIRED_CARD = "expired_card";
    /** The failure code of a payment whose payer failed 3-D Secure. */
    public static final String AUTHENTICATION_FAILED = "payment_authentication_failed";
    /** confirm before the payer answered the 3-D Secure challenge. */
    public static final String AUTHENTICATION_INCOMPLETE = "payment_authentication_incomplete";
    /** A 3-D Secure challenge is answered once. */
    public static final String CHALLENGE_ALREADY_ANSWERED = "authentication_challenge_answered";
    /** A challenge whose payment no longer waits for it (canceled meanwhile). */
    public static final String CHALLENGE_CLOSED = "authentication_challenge_closed";

    /** A canceled subscription stays canceled. */
    public static final String SUBSCRIPTION_ALREADY_CANCELED = "subscription_already_canceled";
    /** The subscription is in a status the action does not apply to (resume a canceled one, say). */
    public static final String SUBSCRIPTION_UNEXPECTED_STATE = "subscription_unexpected_state";
    /** Test clocks, and what follows one, exist in test mode only. */
    public static final String TEST_MODE_ONLY = "test_mode_only";
    /** A clock that is being advanced cannot be advanced to another time meanwhile. */
    public static final String TEST_CLOCK_ADVANCING = "test_clock_advancing";

    /** A dispute is in a status the action does not apply to (evidence for a dispute already submitted, say). */
    public static final String DISPUTE_UNEXPECTED_STATE = "dispute_unexpected_state";
    /** Evidence (or an acceptance) after the dispute's {@code evidence_due_by}. */
    public static final String DISPUTE_EVIDENCE_PAST_DUE = "dispute_evidence_past_due";

    private PaymentErrorCodes() {
    }
}
