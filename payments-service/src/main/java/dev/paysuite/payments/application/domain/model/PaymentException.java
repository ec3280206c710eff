package dev.paysuite.payments.application.domain.model;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;

/** A rule of the payments domain refused the request; the inbound adapter decides the HTTP status by kind. */
public class PaymentException extends DomainException {

    public PaymentException(Kind kind, String code, String message, String field) {
        super(kind, code, message, field);
    }

    public static PaymentException invalid(String code, String message, String field) {
        return new PaymentException(Kind.INVALID, code, message, field);
    }

    public static PaymentException paymentNotFound(String id) {
        return new PaymentException(Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING, "No such payment: '" + id + "'", "id");
    }

    /** The payment is in a state the action does not apply to. */
    public static PaymentException unexpectedState(PaymentStatus status, String action) {
        return invalid(PaymentErrorCodes.PAYMENT_UNEXPECTED_STATE,
                "A payment with status '" + status.wireName() + "' cannot be " + action + ".", null);
    }
}
