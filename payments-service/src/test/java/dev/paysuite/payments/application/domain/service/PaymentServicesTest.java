package dev.paysuite.payments.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.kernel.testing.InlineTransactions;
import dev.paysuite.payments.application.domain.model.AuthenticationChallenge;
import dev.paysuite.payments.application.domain.model.AuthorizationResult;
import dev.paysuite.payments.application.domain.model.CaptureMethod;
import dev.paysuite.payments.application.domain.model.Failure;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.NextAction;
import dev.paysuite.payments.application.domain.model.PaymentErrorCodes;
import dev.paysuite.payments.application.domain.model.PaymentEvent;
import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.port.in.AnswerChallengeCommand;
import dev.paysuite.payments.application.port.in.AuthenticationChallengeUseCase;
import dev.paysuite.payments.application.port.in.CancelPaymentCommand;
import dev.paysuite.payments.application.port.in.CapturePaymentCommand;
import dev.paysuite.payments.application.port.in.CreatePaymentCommand;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PaymentServicesTest {
    final Fakes.Payments payments = new Fakes.Payments();
    final Fakes.Events events = new Fakes.Events();
    final Fakes.Methods methods = new Fakes.Methods();
    final Fakes.Processor processor = new Fakes.Processor();
    final Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    /** Every state change must happen inside a step the service declares: the guarded ports fail otherwise. */
    final InlineTransactions tx = new InlineTransactions();
    final LoadPaymentPort load = tx.guard(LoadPaymentPort.class, payments);
    final SavePaymentPort save = tx.guard(SavePaymentPort.class, payments);
    final PublishPaymentEventPort publish = tx.guard(PublishPaymentEventPort.class, events);
    final ProcessPaymentService processing = new ProcessPaymentService(load, save, publish, processor, tx, clock);
    final CreatePaymentService create = new CreatePaymentService(methods, save, publish, processing, tx, clock);
    final ChangePaymentService change = new ChangePaymentService(load, save, publish, processing, processor.issuer,
            tx, clock);
    final AuthenticatePaymentService authenticate = new AuthenticatePaymentService(processor.issuer, load, change,
            clock);
    /** The reconciler, a minute later. */
    final ProcessPaymentService reconciler = new ProcessPaymentService(load, save, publish, processor, tx,
            Clock.offset(clock, Duration.ofMinutes(1)));

    PaymentServicesTest() {
        methods.known.put("pm_card", new PaymentInstrument("card", "visa", "4242", 12, 2034, "fp"));
        processor.transactions = tx;
    }

    CreatePaymentCommand command(String merchant, CaptureMethod captureMethod) {
        return new CreatePaymentCommand(merchant, false, Money.of(2500L, "EUR"), PaymentSource.StoredMethod.of("pm_card"),
                captureMethod, "order 7", null, Metadata.EMPTY);
    }

    /** A payment whose issuer asked for 3-D Secure, waiting for the payer: its challenge's id. */
    String waitingForThePayer(CaptureMethod captureMethod) {
        processor.next = new AuthorizationResult.ActionRequired("ref_3ds",
                new NextAction(NextAction.REDIRECT_TO_URL, "https://pay.example/3ds/x"));
        Payment p = create.create(command("mer_a", captureMethod));
        assertEquals(PaymentStatus.REQUIRES_ACTION, p.status());
        return processor.issuer.challengeOf(p.id()).orElseThrow().id();
    }

    @Test
    void confirmBeforeThePayerAnsweredTheChallengeIsRefusedAndChangesNothing() {
        String challenge = waitingForThePayer(CaptureMethod.AUTOMATIC);
        Payment waiting = authenticate.show(challenge).payment();
        int published = events.published.size();
        PaymentException e = assertThrows(PaymentException.class,
                () -> change.confirm(new PaymentRef("mer_a", false, waiting.id())));
        assertEquals(PaymentErrorCodes.AUTHENTICATION_INCOMPLETE, e.code());
        assertEquals(PaymentException.Kind.INVALID, e.kind());
        assertEquals(waiting, payments.rows.get(waiting.id().value()));
        assertEquals(published, events.published.size());
        assertFalse(processor.calls.stream().anyMatch(c -> c.startsWith("complete")));
    }

    @Test
    void approvingTheChallengeCompletesThePaymentAtOnce() {
        String challenge = waitingForThePayer(CaptureMethod.AUTOMATIC);
        AuthenticationChallengeUseCase.ChallengeView view = authenticate.answer(AnswerChallengeCommand.of(challenge,
                "approve"));
        assertEquals(AuthenticationChallenge.State.APPROVED, view.challenge().state());
        assertEquals(PaymentStatus.SUCCEEDED, view.payment().status());
        assertEquals(List.of("payment.created", "payment.requires_action", "payment.processing", "payment.succeeded"),
                events.published.stream().map(PaymentEvent::type).toList());
        assertTrue(processor.calls.contains("complete ref_3ds"));
    }

    @Test
    void approvingTheChallengeOfAManualCapturePaymentLeavesItToCapture() {
        String challenge = waitingForThePayer(CaptureMethod.MANUAL);
        assertEquals(PaymentStatus.REQUIRES_CAPTURE,
                authenticate.answer(AnswerChallengeCommand.of(challenge, "approve")).payment().status());
    }

    @Test
    void failingTheChallengeFailsThePaymentAndAConfirmAfterItChangesNothing() {
        String challenge = waitingForThePayer(CaptureMethod.AUTOMATIC);
        Payment failed = authenticate.answer(AnswerChallengeCommand.of(challenge, "fail")).payment();
        assertEquals(PaymentStatus.FAILED, failed.status());
        assertEquals("payment_authentication_failed", failed.failure().code());
        assertEquals("payment.failed", events.published.get(events.published.size() - 1).type());
        assertEquals(PaymentErrorCodes.PAYMENT_UNEXPECTED_STATE, assertThrows(PaymentException.class,
                () -> change.confirm(new PaymentRef("mer_a", false, failed.id()))).code());
    }

    @Test
    void aConfirmAfterTheIssuerRecordedTheAnswerGoesOnWithItsVerdict() {
        for (boolean approved : new boolean[] {true, false}) {
            String challenge = waitingForThePayer(CaptureMethod.AUTOMATIC);
            Payment waiting = authenticate.show(challenge).payment();
            assertTrue(processor.issuer.answer(challenge, approved, Instant.EPOCH)); // the payment not yet told
            Payment confirmed = change.confirm(new PaymentRef("mer_a", false, waiting.id()));
            assertEquals(approved ? PaymentStatus.SUCCEEDED : PaymentStatus.FAILED, confirmed.status());
        }
    }

    @Test
    void aChallengeIsAnsweredOnce() {
        String challenge = waitingForThePayer(CaptureMethod.AUTOMATIC);
        authenticate.answer(AnswerChallengeCommand.of(challenge, "fail"));
        PaymentException e = assertThrows(PaymentException.class,
                () -> authenticate.answer(AnswerChallengeCommand.of(challenge, "approve")));
        assertEquals(PaymentErrorCodes.CHALLENGE_ALREADY_ANSWERED, e.code());
        assertEquals(AuthenticationChallenge.State.FAILED, authenticate.show(challenge).challenge().state());
    }

    @Test
    void aChallengeWhosePaymentWasCanceledTakesNoAnswer() {
        String challenge = waitingForThePayer(CaptureMethod.AUTOMATIC);
        Payment waiting = authenticate.show(challenge).payment();
        change.cancel(new CancelPaymentCommand(new PaymentRef("mer_a", false, waiting.id()), null),
                dev.paysuite.kernel.tx.Recorded.NOBODY);
        assertEquals(PaymentErrorCodes.CHALLENGE_CLOSED, assertThrows(PaymentException.class,
                () -> authenticate.answer(AnswerChallengeCommand.of(challenge, "approve"))).code());
        assertEquals(AuthenticationChallenge.State.PENDING, authenticate.show(challenge).challenge().state());
    }

    @Test
    void anUnknownChallengeIsNotFoundAndAnAnswerOtherThanApproveOrFailIsRefused() {
        assertEquals(PaymentException.Kind.NOT_FOUND,
                assertThrows(PaymentException.class, () -> authenticate.show("3ds_nope")).kind());
        for (String outcome : new String[] {null, "", "yes", "APPROVE"}) {
            PaymentException e = assertThrows(PaymentException.class, () -> AnswerChallengeCommand.of("3ds_x", outcome));
            assertEquals("outcome", e.field());
        }
    }

    @Test
    void aSuccessfulPaymentIsSavedAndAnnouncedAsCreatedThenSucceeded() {
        Payment p = create.create(command("mer_a", CaptureMethod.AUTOMATIC));
        assertEquals(PaymentStatus.SUCCEEDED, p.status());
        assertEquals(p, payments.rows.get(p.id().value()));
        assertEquals(List.of("payment.created", "payment.succeeded"),
                events.published.stream().map(PaymentEvent::type).toList());
        assertEquals(List.of(1L, 2L), events.published.stream().map(PaymentEvent::sequence).toList());
        assertEquals(2, tx.stepsRun(), "recorded processing, then the processor's answer, in two steps");
        assertEquals(List.of("authorize 2500"), processor.calls, "asked once, between the steps");
    }

    @Test
    void theRequestIsToldItsPaymentInsideTheFirstStep() {
        List<String> recorded = new java.util.ArrayList<>();
        Payment p = create.create(command("mer_a", CaptureMethod.AUTOMATIC), id -> {
            assertTrue(tx.inStep(), "bound where the payment is recorded, before the processor is asked");
            assertTrue(processor.calls.isEmpty());
            recorded.add(id.value());
        });
        assertEquals(List.of(p.id().value()), recorded);
    }

    @Test
    void anAnswerThatNeverCameLeavesThePaymentProcessingUntilTheReconcilerAsksTheProcessor() {
        processor.loseTheNextAnswer = true;
        Payment p = create.create(command("mer_a", CaptureMethod.AUTOMATIC));
        assertEquals(PaymentStatus.PROCESSING, p.status());
        assertEquals(List.of("payment.created"), events.published.stream().map(PaymentEvent::type).toList());
        assertEquals(0, processing.reconcile(Duration.ofSeconds(30), 10), "not yet: the request may still be answered");

        assertEquals(1, reconciler.reconcile(Duration.ofSeconds(30), 10));
        assertEquals(PaymentStatus.SUCCEEDED, payments.rows.get(p.id().value()).status());
        assertEquals(1, processor.charges(), "looked up, not charged again");
        assertEquals(List.of("payment.created", "payment.succeeded"),
                events.published.stream().map(PaymentEvent::type).toList());
    }

    @Test
    void aRequestTheProcessorNeverReceivedIsSentAgainUnderTheSameKey() {
        processor.dropTheNextRequest = true;
        Payment p = create.create(command("mer_a", CaptureMethod.AUTOMATIC));
        assertEquals(PaymentStatus.PROCESSING, p.status());
        assertEquals(0, processor.charges());

        assertEquals(1, reconciler.reconcile(Duration.ofSeconds(30), 10));
        assertEquals(PaymentStatus.SUCCEEDED, payments.rows.get(p.id().value()).status());
        assertEquals(1, processor.charges());
        assertEquals(List.of("authorize 2500", "lookup " + p.id().value() + "/authorize", "authorize 2500"),
                processor.calls);
    }

    @Test
    void aDeclinedPaymentIsKeptAsFailed() {
        processor.next = new AuthorizationResult.Declined("ref", new Failure("card_declined", "generic_decline", "no"));
        Payment p = create.create(command("mer_a", CaptureMethod.AUTOMATIC));
        assertEquals(PaymentStatus.FAILED, payments.rows.get(p.id().value()).status());
        assertEquals("payment.failed", events.published.get(1).type());
    }

    @Test
    void anUnknownPaymentMethodIsNotFoundAndNothingIsSaved() {
        CreatePaymentCommand cmd = new CreatePaymentCommand("mer_a", false, Money.of(100L, "USD"),
                PaymentSource.StoredMethod.of("pm_nope"), null, null, null, null);
        PaymentException e = assertThrows(PaymentException.class, () -> create.create(cmd));
        assertEquals(PaymentException.Kind.NOT_FOUND, e.kind());
        assertEquals("paymentMethodId", e.field());
        assertTrue(payments.rows.isEmpty());
        assertTrue(events.published.isEmpty());
        assertTrue(processor.calls.isEmpty());
    }

    @Test
    void aMethodOfAnotherTypeThanTheCallerSaidIsRefusedAndNothingIsSaved() {
        CreatePaymentCommand cmd = new CreatePaymentCommand("mer_a", false, Money.of(100L, "USD"),
                PaymentSource.StoredMethod.of("pm_card"), null, null, null, null, "paypal");
        PaymentException e = assertThrows(PaymentException.class, () -> create.create(cmd));
        assertEquals(PaymentException.Kind.INVALID, e.kind());
        assertEquals(CreatePaymentCommand.METHOD_TYPE_FIELD, e.field());
        assertTrue(payments.rows.isEmpty());
        assertTrue(processor.calls.isEmpty());
        assertEquals(PaymentStatus.SUCCEEDED, create.create(new CreatePaymentCommand("mer_a", false,
                Money.of(100L, "USD"), PaymentSource.StoredMethod.of("pm_card"), null, null, null, null, "card"))
                .status());
    }

    @Test
    void captureTellsTheProcessorTheCapturedAmount() {
        Payment p = create.create(command("mer_a", CaptureMethod.MANUAL));
        Payment captured = change.capture(new CapturePaymentCommand(new PaymentRef("mer_a", false, p.id().value()),
                OptionalLong.of(2000)));
        assertEquals(2000, captured.amountCaptured());
        assertTrue(processor.calls.contains("capture ref_1 2000"));
        assertEquals(3, events.published.get(2).sequence());
    }

    @Test
    void cancelingAnAuthorizationVoidsItAtTheProcessor() {
        Payment p = create.create(command("mer_a", CaptureMethod.MANUAL));
        change.cancel(new CancelPaymentCommand(new PaymentRef("mer_a", false, p.id().value()), "duplicate"));
        assertTrue(processor.calls.contains("void ref_1"));
        assertEquals(PaymentStatus.CANCELED, payments.rows.get(p.id().value()).status());
    }

    @Test
    void anotherMerchantCannotTouchThePayment() {
        Payment p = create.create(command("mer_a", CaptureMethod.MANUAL));
        PaymentException e = assertThrows(PaymentException.class, () -> change.cancel(
                new CancelPaymentCommand(new PaymentRef("mer_b", false, p.id().value()), null)));
        assertEquals(PaymentException.Kind.NOT_FOUND, e.kind());
        assertEquals(PaymentStatus.REQUIRES_CAPTURE, payments.rows.get(p.id().value()).status());
    }

    @Test
    void testModeDoesNotSeeLiveModePayments() {
        Payment p = create.create(command("mer_a", CaptureMethod.AUTOMATIC));
        assertThrows(PaymentException.class,
                () -> new GetPaymentService(load).get(new PaymentRef("mer_a", true, p.id().value())));
    }
}
