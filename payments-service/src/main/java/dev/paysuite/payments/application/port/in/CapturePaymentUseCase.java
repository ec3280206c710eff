package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.payments.application.domain.model.Payment;

public interface CapturePaymentUseCase {
    Payment capture(CapturePaymentCommand command, Recorded recorded);

    default Payment capture(CapturePaymentCommand command) {
        return capture(command, Recorded.NOBODY);
    }
}
