package dev.paysuite.methods.application.domain.model;

/** The error codes of customers, methods and the vault, beyond the kernel's shared ones. */
public final class MethodErrorCodes {
    /** Attach or detach asked of a method in a state that does not allow it. */
    public static final String METHOD_UNEXPECTED_STATE = "payment_method_unexpected_state";
    /** A test alias (pm_test_*) is shared by every merchant: it can be charged, not attached. */
    public static final String METHOD_SHARED = "payment_method_shared";
    /** A forwarding names an acquirer the vault does not know. */
    public static final String DESTINATION_UNKNOWN = "destination_unknown";
    /** The acquirer a forwarding went to did not answer. */
    public static final String ACQUIRER_UNAVAILABLE = "acquirer_unavailable";

    private MethodErrorCodes() {
    }
}
