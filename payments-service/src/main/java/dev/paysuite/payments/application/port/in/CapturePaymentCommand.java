package dev.paysuite.payments.application.port.in;

import java.util.Objects;
import java.util.OptionalLong;

/** Capture an authorized payment; without an amount, the whole authorization. */
public record CapturePaymentCommand(PaymentRef payment, OptionalLong amountToCapture) {
    public CapturePaymentCommand {
        Objects.requireNonNull(payment, "payment");
        amountToCapture = amountToCapture == null ? OptionalLong.empty() : amountToCapture;
    }
}
