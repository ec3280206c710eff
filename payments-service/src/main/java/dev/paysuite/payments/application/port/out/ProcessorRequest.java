package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.payments.application.domain.model.CaptureMethod;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PendingOperation;
import java.util.Objects;

/**
 * A processing payment's pending operation, as the processor is asked to do it. The processor gets
 * what payments-service knows of the instrument (brand, last four, expiry, fingerprint) and
 * {@code vaultReference}, the method or token the vault keeps it under: an acquirer adapter that
 * needs the card number asks the vault to forward it there ({@code POST /internal/v1/vault/forward}),
 * so the number never enters this service.
 */
public record ProcessorRequest(PendingOperation.Operation operation, String acquirerKey, PaymentId paymentId,
        String merchantId, boolean livemode, Money amount, PaymentInstrument instrument, String vaultReference,
        CaptureMethod captureMethod, String processorReference) {

    public ProcessorRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(acquirerKey, "acquirerKey");
    }

    public static ProcessorRequest of(Payment processing) {
        PendingOperation pending = Objects.requireNonNull(processing.pending(), "the payment is not processing");
        Money amount = pending.amount() > 0 ? new Money(pending.amount(), processing.amount().currency())
                : processing.amount();
        return new ProcessorRequest(pending.operation(), pending.acquirerKey(), processing.id(),
                processing.merchantId(), processing.livemode(), amount, processing.instrument(),
                processing.source().value(), processing.captureMethod(),
                processing.processorReference());
    }
}
