package dev.paysuite.payments.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.kernel.testing.InlineTransactions;
import dev.paysuite.payments.application.domain.model.CaptureMethod;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.domain.model.PendingOperation;
import dev.paysuite.payments.application.port.in.CapturePaymentCommand;
import dev.paysuite.payments.application.port.in.CreatePaymentCommand;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.out.ProcessorRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The processor port receives the vault's reference of what the customer pays with, never a card
 * number: the stored method's {@code pm_…} id or the {@code tok_…} token, so an acquirer adapter
 * that needs the card asks the vault to forward it.
 */
class ProcessorGetsTheVaultReferenceTest {
    static final String CARD_NUMBER = "4242424242424242";
    final Fakes.Payments payments = new Fakes.Payments();
    final Fakes.Events events = new Fakes.Events();
    final Fakes.Methods methods = new Fakes.Methods();
    final Fakes.Processor processor = new Fakes.Processor();
    final Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    final InlineTransactions tx = new InlineTransactions();
    final ProcessPaymentService processing = new ProcessPaymentService(payments, payments, events, processor, tx, clock);
    final CreatePaymentService create = new CreatePaymentService(methods, payments, events, processing, tx, clock);
    final ChangePaymentService change = new ChangePaymentService(payments, payments, events, processing,
            processor.issuer, tx, clock);

    ProcessorGetsTheVaultReferenceTest() {
        PaymentInstrument visa = new PaymentInstrument("card", "visa", "4242", 12, 2034, "fp");
        methods.known.put("pm_stored42", visa);
        methods.known.put("tok_visa", visa);
    }

    ProcessorRequest authorizationOf(PaymentSource source) {
        create.create(new CreatePaymentCommand("mer_a", false, Money.of(2500L, "EUR"), source, CaptureMethod.AUTOMATIC,
                "order 7", null, Metadata.EMPTY));
        assertEquals(1, processor.requests.size());
        ProcessorRequest request = processor.requests.get(0);
        assertEquals(PendingOperation.Operation.AUTHORIZE, request.operation());
        assertFalse(request.toString().contains(CARD_NUMBER), "the processor request holds no card number");
        return request;
    }

    @Test
    void aStoredMethodIsChargedByItsPmId() {
        ProcessorRequest request = authorizationOf(PaymentSource.StoredMethod.of("pm_stored42"));
        assertEquals("pm_stored42", request.vaultReference());
        assertEquals("4242", request.instrument().last4());
        assertEquals("mer_a", request.merchantId());
        assertEquals(2500L, request.amount().amount());
        assertEquals(PaymentStatus.SUCCEEDED, payments.rows.values().iterator().next().status());
    }

    @Test
    void aTokenPaymentIsChargedByItsTokId() {
        ProcessorRequest request = authorizationOf(new PaymentSource.Token("tok_visa"));
        assertEquals("tok_visa", request.vaultReference());
        assertEquals("visa", request.instrument().brand());
    }

    @Test
    void aLaterOperationOfThePaymentNamesTheSameReference() {
        create.create(new CreatePaymentCommand("mer_a", false, Money.of(700L, "EUR"),
                new PaymentSource.Token("tok_visa"), CaptureMethod.MANUAL, null, null, Metadata.EMPTY));
        Payment authorized = payments.rows.values().iterator().next();
        assertEquals(PaymentStatus.REQUIRES_CAPTURE, authorized.status());
        change.capture(new CapturePaymentCommand(new PaymentRef("mer_a", false, authorized.id().value()),
                OptionalLong.empty()));
        assertEquals(2, processor.requests.size());
        assertEquals(PendingOperation.Operation.CAPTURE, processor.requests.get(1).operation());
        assertEquals("tok_visa", processor.requests.get(1).vaultReference());
    }
}
