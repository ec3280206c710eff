package dev.paysuite.refunds.application.domain.model;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.PaymentId;

/** A rule of the refunds domain refused the request; the inbound adapter picks the HTTP status by kind. */
public class RefundException extends DomainException {

    public RefundException(Kind kind, String code, String message, String field) {
        super(kind, code, message, field);
    }

    public static RefundException invalid(String code, String message, String field) {
        return new RefundException(Kind.INVALID, code, message, field);
    }

    public static RefundException paymentNotFound(PaymentId paymentId) {
        return new RefundException(Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                "No such payment: '" + paymentId.value() + "'", "paymentId");
    }

    public static RefundException refundNotFound(String refundId) {
        return new RefundException(Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING, "No such refund: '" + refundId + "'",
                "id");
    }
}
