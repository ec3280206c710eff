package dev.paysuite.payments.application.domain.model;

/**
 * A rule of the payments domain refused the request. The kind says which family of answer it is;
 * the inbound adapter decides the HTTP status.
 */
public class PaymentException extends RuntimeException {

    public enum Kind {
        /** The request itself is wrong (missing or malformed parameter, wrong state for the action). */
        INVALID,
        /** The object does not exist for this caller. */
        NOT_FOUND,
        /** The action was already done (canceled twice, captured twice). */
        CONFLICT,
        /** Well formed but cannot be done (currency not supported by the payment method). */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String code;
    private final String param;

    public PaymentException(Kind kind, String code, String message, String param) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.param = param;
    }

    public static PaymentException invalid(String code, String message, String param) {
        return new PaymentException(Kind.INVALID, code, message, param);
    }

    public static PaymentException missing(String param) {
        return invalid(PaymentErrorCodes.PARAMETER_MISSING, "Missing required parameter: " + param + ".", param);
    }

    public static PaymentException paymentNotFound(String id) {
        return new PaymentException(Kind.NOT_FOUND, PaymentErrorCodes.PAYMENT_NOT_FOUND,
                "No such payment: '" + id + "'", "id");
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }
}
