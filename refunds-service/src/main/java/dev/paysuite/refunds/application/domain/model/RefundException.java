package dev.paysuite.refunds.application.domain.model;

/** A rule of the refunds domain refused the request; the inbound adapter picks the HTTP status by kind. */
public class RefundException extends RuntimeException {

    public enum Kind {
        /** The request is wrong, or the payment is in no state to be refunded. */
        INVALID,
        /** No such payment or refund for this caller. */
        NOT_FOUND,
        /** Nothing is left to refund. */
        CONFLICT,
        /** Well formed, but more than is left. */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String code;
    private final String param;

    public RefundException(Kind kind, String code, String message, String param) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.param = param;
    }

    public static RefundException invalid(String code, String message, String param) {
        return new RefundException(Kind.INVALID, code, message, param);
    }

    public static RefundException paymentNotFound(String paymentId) {
        return new RefundException(Kind.NOT_FOUND, RefundErrorCodes.PAYMENT_NOT_FOUND,
                "No such payment: '" + paymentId + "'", "payment_id");
    }

    public static RefundException refundNotFound(String refundId) {
        return new RefundException(Kind.NOT_FOUND, RefundErrorCodes.REFUND_NOT_FOUND,
                "No such refund: '" + refundId + "'", "id");
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
