package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.payments.application.domain.model.CaptureMethod;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;

public record AuthorizationRequest(PaymentId paymentId, String merchantId, boolean livemode, Money amount,
        PaymentInstrument instrument, CaptureMethod captureMethod) {
}
