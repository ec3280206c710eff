package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.payments.application.domain.model.CaptureMethod;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import java.util.Objects;

/** Open a payment for a merchant and charge it at once (or authorize it, with manual capture). */
public record CreatePaymentCommand(String merchantId, boolean livemode, Money amount, PaymentSource source,
        CaptureMethod captureMethod, String description, String customerId, Metadata metadata) {

    public CreatePaymentCommand {
        if (merchantId == null || merchantId.isBlank()) {
            throw new IllegalArgumentException("merchantId is required");
        }
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(source, "source");
        captureMethod = captureMethod == null ? CaptureMethod.AUTOMATIC : captureMethod;
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }
}
