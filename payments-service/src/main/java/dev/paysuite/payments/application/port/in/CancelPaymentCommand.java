package dev.paysuite.payments.application.port.in;

import java.util.Objects;

public record CancelPaymentCommand(PaymentRef payment, String reason) {
    public CancelPaymentCommand {
        Objects.requireNonNull(payment, "payment");
    }
}
