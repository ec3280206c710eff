package dev.paysuite.payments.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.PaymentLinkId;
import dev.paysuite.kernel.id.SubscriptionId;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.payments.application.domain.model.CaptureMethod;
import dev.paysuite.payments.application.domain.model.Failure;
import dev.paysuite.payments.application.domain.model.NextAction;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.domain.model.PendingOperation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

@ApplicationScoped
public class PaymentMapper {
    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };
    private final ObjectMapper json;

    public PaymentMapper(ObjectMapper json) {
        this.json = json;
    }

    Payment toDomain(PaymentJpaEntity e) {
        PaymentSource source = e.paymentMethodId != null
                ? PaymentSource.StoredMethod.of(e.paymentMethodId)
                : new PaymentSource.Token(e.sourceToken);
        PaymentInstrument instrument = e.instrumentType == null ? null
                : new PaymentInstrument(e.instrumentType, e.cardBrand, e.cardLast4, e.cardExpMonth, e.cardExpYear,
                        e.cardFingerprint);
        return Payment.builder().id(new PaymentId(e.id)).merchantId(e.merchantId).livemode(e.livemode)
                .amount(new Money(e.amount, CurrencyUnit.of(e.currency))).amountCaptured(e.amountCaptured)
                .amountRefunded(e.amountRefunded).amountDisputed(e.amountDisputed).status(PaymentStatus.valueOf(e.status))
                .captureMethod(CaptureMethod.valueOf(e.captureMethod)).source(source).instrument(instrument)
                .description(e.description).customerId(e.customerId).metadata(Metadata.of(readMetadata(e.metadata)))
                .failure(e.failureCode == null ? null : new Failure(e.failureCode, e.declineCode, e.failureMessage))
                .nextAction(e.nextActionType == null ? null : new NextAction(e.nextActionType, e.nextActionUrl))
                .processorReference(e.processorReference).cancellationReason(e.cancellationReason)
                .canceledAt(e.canceledAt).capturedAt(e.capturedAt).createdAt(e.createdAt).updatedAt(e.updatedAt)
                .eventSequence(e.eventSequence).returnUrl(e.returnUrl)
                .pending(e.pendingOperation == null ? null : new PendingOperation(
                        PendingOperation.Operation.valueOf(e.pendingOperation), e.pendingAmount, e.pendingAcquirerKey,
                        e.pendingSince))
                .paymentLink(e.paymentLink == null ? null : new PaymentLinkId(e.paymentLink))
                .subscription(e.subscription == null ? null : new SubscriptionId(e.subscription))
                .testClock(e.testClock == null ? null : new TestClockId(e.testClock))
                .build();
    }

    PaymentJpaEntity toNewEntity(Payment p) {
        PaymentJpaEntity e = new PaymentJpaEntity();
        e.id = p.id().value();
        e.merchantId = p.merchantId();
        e.livemode = p.livemode();
        e.paymentLink = p.paymentLink() == null ? null : p.paymentLink().value();
        e.subscription = p.subscription() == null ? null : p.subscription().value();
        e.testClock = p.testClock() == null ? null : p.testClock().value();
        e.amount = p.amount().amount();
        e.currency = p.amount().currency().code();
        e.captureMethod = p.captureMethod().name();
        if (p.source() instanceof PaymentSource.StoredMethod) {
            e.paymentMethodId = p.source().value();
        } else {
            e.sourceToken = p.source().value();
        }
        PaymentInstrument i = p.instrument();
        if (i != null) {
            e.instrumentType = i.type();
            e.cardBrand = i.brand();
            e.cardLast4 = i.last4();
            e.cardExpMonth = i.expMonth();
            e.cardExpYear = i.expYear();
            e.cardFingerprint = i.fingerprint();
        }
        e.description = p.description();
        e.customerId = p.customerId();
        e.returnUrl = p.returnUrl();
        e.metadata = writeMetadata(p.metadata().values());
        e.createdAt = p.createdAt();
        copyChanges(p, e);
        return e;
    }

    /** Copies what a change of state can touch; identity and request fields never change. */
    void copyChanges(Payment p, PaymentJpaEntity e) {
        e.status = p.status().name();
        e.amountCaptured = p.amountCaptured();
        e.amountRefunded = p.amountRefunded();
        e.amountDisputed = p.amountDisputed();
        e.failureCode = p.failure() == null ? null : p.failure().code();
        e.declineCode = p.failure() == null ? null : p.failure().declineCode();
        e.failureMessage = p.failure() == null ? null : p.failure().message();
        e.nextActionType = p.nextAction() == null ? null : p.nextAction().type();
        e.nextActionUrl = p.nextAction() == null ? null : p.nextAction().redirectUrl();
        e.processorReference = p.processorReference();
        e.cancellationReason = p.cancellationReason();
        e.canceledAt = p.canceledAt();
        e.capturedAt = p.capturedAt();
        e.updatedAt = p.updatedAt();
        e.eventSequence = p.eventSequence();
        PendingOperation pending = p.pending();
        e.pendingOperation = pending == null ? null : pending.operation().name();
        e.pendingAmount = pending == null ? null : pending.amount();
        e.pendingAcquirerKey = pending == null ? null : pending.acquirerKey();
        e.pendingSince = pending == null ? null : pending.submittedAt();
    }

    private Map<String, String> readMetadata(String text) {
        try {
            return json.readValue(text, METADATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable metadata in the payments table", e);
        }
    }

    private String writeMetadata(Map<String, String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialize metadata", e);
        }
    }
}
