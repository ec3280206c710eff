package dev.paysuite.payments.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.kernel.money.Money;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PaymentTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(1);
    static final PaymentInstrument VISA = new PaymentInstrument("card", "visa", "4242", 12, 2034, "fp");

    static Payment.Change open(CaptureMethod captureMethod) {
        return Payment.open(PaymentId.generate(), "mer_1", false, new Money(1000, CurrencyUnit.of("USD")),
                PaymentSource.StoredMethod.of("pm_test_success"), captureMethod, VISA, "order 1", "cus_1",
                Metadata.EMPTY, T0);
    }

    /** A payment just opened: processing its authorization. */
    static Payment pending() {
        return open(CaptureMethod.AUTOMATIC).payment();
    }

    static Payment authorizedForManualCapture() {
        return open(CaptureMethod.MANUAL).payment()
                .recordOutcome(new AuthorizationResult.Approved("ref"), T1).payment();
    }

    static Payment waitingFor3ds() {
        return pending().recordOutcome(new AuthorizationResult.ActionRequired("ref",
                new NextAction(NextAction.REDIRECT_TO_URL, "https://3ds")), T1).payment();
    }

    @Test
    void anOpenedPaymentIsProcessingItsAuthorizationAndAnnouncesItsCreationAsFirstEvent() {
        Payment.Change opened = open(CaptureMethod.AUTOMATIC);
        assertEquals(PaymentStatus.PROCESSING, opened.payment().status());
        assertEquals(PendingOperation.Operation.AUTHORIZE, opened.payment().pending().operation());
        assertEquals(opened.payment().id().value() + "/authorize", opened.payment().pending().acquirerKey());
        assertInstanceOf(PaymentEvent.Created.class, opened.event());
        assertEquals(1, opened.event().sequence());
        assertEquals("payment.created", opened.event().type());
    }

    @Test
    void anApprovedAutomaticPaymentSucceedsWithItsWholeAmountCaptured() {
        Payment.Change change = pending().recordOutcome(new AuthorizationResult.Approved("ref"), T1);
        assertEquals(PaymentStatus.SUCCEEDED, change.payment().status());
        assertEquals(1000, change.payment().amountCaptured());
        assertEquals(T1, change.payment().capturedAt());
        assertEquals(2, change.event().sequence());
        assertInstanceOf(PaymentEvent.Succeeded.class, change.event());
    }

    @Test
    void aDeclinedPaymentFailsAndKeepsWhy() {
        Failure declined = new Failure("card_declined", "generic_decline", "Your card was declined.");
        Payment.Change change = pending().recordOutcome(new AuthorizationResult.Declined("ref", declined), T1);
        assertEquals(PaymentStatus.FAILED, change.payment().status());
        assertEquals(declined, change.payment().failure());
        assertEquals(0, change.payment().amountCaptured());
        assertInstanceOf(PaymentEvent.Failed.class, change.event());
    }

    @Test
    void anApprovedManualPaymentWaitsForCapture() {
        Payment p = authorizedForManualCapture();
        assertEquals(PaymentStatus.REQUIRES_CAPTURE, p.status());
        assertEquals(0, p.amountCaptured());
    }

    @Test
    void capturingPartOfAnAuthorizationSucceedsWithThatAmount() {
        Payment.Change submitted = authorizedForManualCapture().capture(OptionalLong.of(600), T1);
        assertEquals(PaymentStatus.PROCESSING, submitted.payment().status());
        assertEquals(3, submitted.event().sequence());
        assertEquals("payment.processing", submitted.event().type());
        Payment.Change change = submitted.payment().recordOutcome(new AuthorizationResult.Approved("ref"), T1);
        assertEquals(PaymentStatus.SUCCEEDED, change.payment().status());
        assertEquals(600, change.payment().amountCaptured());
        assertEquals(4, change.event().sequence());
    }

    @Test
    void aCaptureTheProcessorRefusesLeavesThePaymentToCapture() {
        Payment refused = authorizedForManualCapture().capture(OptionalLong.empty(), T1).payment()
                .recordOutcome(new AuthorizationResult.Declined("ref", new Failure("card_declined", null, "no")), T1)
                .payment();
        assertEquals(PaymentStatus.REQUIRES_CAPTURE, refused.status());
        assertEquals(0, refused.amountCaptured());
        assertEquals("card_declined", refused.failure().code());
    }

    @Test
    void capturingMoreThanWasAuthorizedIsRefused() {
        PaymentException e = assertThrows(PaymentException.class,
                () -> authorizedForManualCapture().capture(OptionalLong.of(1001), T1));
        assertEquals("amountToCapture", e.field());
        assertEquals(PaymentException.Kind.INVALID, e.kind());
    }

    @Test
    void capturingTwiceIsAConflict() {
        Payment captured = authorizedForManualCapture().capture(OptionalLong.empty(), T1).payment()
                .recordOutcome(new AuthorizationResult.Approved("ref"), T1).payment();
        PaymentException e = assertThrows(PaymentException.class, () -> captured.capture(OptionalLong.empty(), T1));
        assertEquals(PaymentException.Kind.CONFLICT, e.kind());
    }

    @Test
    void capturingAPendingAutomaticPaymentIsRefused() {
        PaymentException e = assertThrows(PaymentException.class, () -> pending().capture(OptionalLong.empty(), T1));
        assertEquals(PaymentErrorCodes.PAYMENT_UNEXPECTED_STATE, e.code());
    }

    @Test
    void cancelingAnAuthorizedPaymentVoidsItThenKeepsTheReasonAndTime() {
        Payment.Change voiding = authorizedForManualCapture().cancel("customer asked", T1);
        assertEquals(PaymentStatus.PROCESSING, voiding.payment().status());
        assertEquals(PendingOperation.Operation.VOID, voiding.payment().pending().operation());
        Payment.Change change = voiding.payment().recordOutcome(new AuthorizationResult.Approved("ref"), T1);
        assertEquals(PaymentStatus.CANCELED, change.payment().status());
        assertEquals("customer asked", change.payment().cancellationReason());
        assertEquals(T1, change.payment().canceledAt());
        assertInstanceOf(PaymentEvent.Canceled.class, change.event());
    }

    @Test
    void cancelingTwiceIsAConflict() {
        Payment canceled = waitingFor3ds().cancel(null, T1).payment();
        PaymentException e = assertThrows(PaymentException.class, () -> canceled.cancel(null, T1));
        assertEquals(PaymentException.Kind.CONFLICT, e.kind());
        assertEquals(PaymentErrorCodes.PAYMENT_ALREADY_CANCELED, e.code());
    }

    @Test
    void aSucceededPaymentCannotBeCanceled() {
        Payment succeeded = pending().recordOutcome(new AuthorizationResult.Approved("ref"), T1).payment();
        PaymentException e = assertThrows(PaymentException.class, () -> succeeded.cancel(null, T1));
        assertEquals(PaymentException.Kind.INVALID, e.kind());
    }

    @Test
    void aPaymentTheProcessorIsDecidingCannotBeCanceledOrCaptured() {
        assertEquals(PaymentErrorCodes.PAYMENT_UNEXPECTED_STATE,
                assertThrows(PaymentException.class, () -> pending().cancel(null, T1)).code());
        Payment capturing = authorizedForManualCapture().capture(OptionalLong.empty(), T1).payment();
        assertEquals(PaymentErrorCodes.PAYMENT_UNEXPECTED_STATE,
                assertThrows(PaymentException.class, () -> capturing.capture(OptionalLong.empty(), T1)).code());
    }

    @Test
    void anExpiredAuthorizationIsVoidedThenCanceledAsExpired() {
        Payment.Change voiding = authorizedForManualCapture().expire(T1);
        assertEquals(PaymentStatus.PROCESSING, voiding.payment().status());
        assertEquals(PendingOperation.Operation.VOID, voiding.payment().pending().operation());
        assertEquals("expired", voiding.payment().cancellationReason());
        assertEquals("payment.processing", voiding.event().type());
        Payment.Change change = voiding.payment().recordOutcome(new AuthorizationResult.Approved("ref"), T1);
        assertEquals(PaymentStatus.CANCELED, change.payment().status());
        assertEquals(Payment.EXPIRED, change.payment().cancellationReason());
        assertEquals(T1, change.payment().canceledAt());
        assertInstanceOf(PaymentEvent.Canceled.class, change.event());
        assertEquals("payment.canceled", change.event().type());
    }

    @Test
    void anExpiredAuthorizationWithoutProcessorReferenceIsCanceledAtOnce() {
        Payment held = authorizedForManualCapture().toBuilder().processorReference(null).build();
        Payment.Change change = held.expire(T1);
        assertEquals(PaymentStatus.CANCELED, change.payment().status());
        assertEquals("expired", change.payment().cancellationReason());
        assertEquals(T1, change.payment().canceledAt());
        assertNull(change.payment().pending());
        assertInstanceOf(PaymentEvent.Canceled.class, change.event());
    }

    @Test
    void aVoidTheProcessorRefusesLeavesTheExpiredAuthorizationHeldWithoutReason() {
        Payment refused = authorizedForManualCapture().expire(T1).payment()
                .recordOutcome(new AuthorizationResult.Declined("ref", new Failure("processing_error", null, "no")), T1)
                .payment();
        assertEquals(PaymentStatus.REQUIRES_CAPTURE, refused.status());
        assertNull(refused.cancellationReason());
    }

    @Test
    void anOpeningDatedAtATestClocksTimeKeepsTheRealTimeOfItsPendingAuthorization() {
        Instant clockTime = T0.plusSeconds(86_400 * 400);
        Payment.Change dated = open(CaptureMethod.MANUAL).createdAt(clockTime);
        assertEquals(clockTime, dated.payment().createdAt());
        assertEquals(T0, dated.payment().pending().submittedAt());
        assertInstanceOf(PaymentEvent.Created.class, dated.event());
        assertEquals(dated.payment(), ((PaymentEvent.Created) dated.event()).payment());
        Payment.Change later = authorizedForManualCapture().expire(T1);
        assertThrows(IllegalStateException.class, () -> later.createdAt(clockTime));
    }

    @Test
    void onlyAHeldAuthorizationExpires() {
        Payment succeeded = pending().recordOutcome(new AuthorizationResult.Approved("ref"), T1).payment();
        Payment canceled = waitingFor3ds().cancel(null, T1).payment();
        Payment voiding = authorizedForManualCapture().expire(T1).payment();
        for (Payment p : new Payment[] { pending(), waitingFor3ds(), succeeded, canceled, voiding }) {
            PaymentException e = assertThrows(PaymentException.class, () -> p.expire(T1), p.status().wireName());
            assertEquals(PaymentErrorCodes.PAYMENT_UNEXPECTED_STATE, e.code());
            assertEquals(PaymentException.Kind.INVALID, e.kind());
        }
    }

    @Test
    void anAnswerForNothingPendingIsRefused() {
        Payment succeeded = pending().recordOutcome(new AuthorizationResult.Approved("ref"), T1).payment();
        assertThrows(PaymentException.class,
                () -> succeeded.recordOutcome(new AuthorizationResult.Approved("ref"), T1));
    }

    @Test
    void threeDSecureWaitsForTheCustomerThenConfirmationSucceeds() {
        Payment waiting = waitingFor3ds();
        assertEquals(PaymentStatus.REQUIRES_ACTION, waiting.status());
        Payment confirming = waiting.confirm(T1).payment();
        assertEquals(PendingOperation.Operation.COMPLETE_AUTHENTICATION, confirming.pending().operation());
        Payment confirmed = confirming.recordOutcome(new AuthorizationResult.Approved("ref"), T1).payment();
        assertEquals(PaymentStatus.SUCCEEDED, confirmed.status());
        assertNull(confirmed.nextAction());
    }

    static Payment.Change openReturningTo(String returnUrl, CaptureMethod captureMethod) {
        return Payment.open(PaymentId.generate(), "mer_1", false, new Money(900, CurrencyUnit.of("USD")),
                PaymentSource.StoredMethod.of("pm_test_3ds_required"), captureMethod, VISA, "order 3", null,
                Metadata.EMPTY, returnUrl, T0);
    }

    @Test
    void aReturnUrlIsKeptAndTheEventCarriesIt() {
        Payment.Change opened = openReturningTo("https://shop.example/done?order=7", CaptureMethod.AUTOMATIC);
        assertEquals("https://shop.example/done?order=7", opened.payment().returnUrl());
        assertEquals("https://shop.example/done?order=7", opened.event().payment().returnUrl());
        assertNull(pending().returnUrl());
    }

    @Test
    void aReturnUrlMustBeAnAbsoluteHttpOrHttpsUrlOfAtMost2048Characters() {
        for (String bad : new String[] {"", "done", "/done", "ftp://shop.example/done", "javascript:alert(1)",
                "https://", "http:///path", "https://shop example/x", "mailto:a@b.example",
                "https://shop.example/" + "a".repeat(Payment.MAX_RETURN_URL)}) {
            PaymentException e = assertThrows(PaymentException.class,
                    () -> openReturningTo(bad, CaptureMethod.AUTOMATIC), bad);
            assertEquals("returnUrl", e.field(), bad);
            assertEquals(PaymentException.Kind.INVALID, e.kind());
        }
        String longest = "https://shop.example/" + "a".repeat(Payment.MAX_RETURN_URL - 21);
        assertEquals(Payment.MAX_RETURN_URL, longest.length());
        assertEquals(longest, openReturningTo(longest, CaptureMethod.AUTOMATIC).payment().returnUrl());
        assertEquals("HTTP://shop.example", openReturningTo("HTTP://shop.example", CaptureMethod.AUTOMATIC)
                .payment().returnUrl());
    }

    @Test
    void thePayerReturnsWithThePaymentIdInTheQuery() {
        for (String[] c : new String[][] {
                {"https://shop.example/done", "https://shop.example/done?payment_id=%s"},
                {"https://shop.example/done?order=7", "https://shop.example/done?order=7&payment_id=%s"},
                {"https://shop.example/done?", "https://shop.example/done?payment_id=%s"},
                {"https://shop.example/done#receipt", "https://shop.example/done?payment_id=%s#receipt"},
                {"http://localhost:9999/r?a=1&#x", "http://localhost:9999/r?a=1&payment_id=%s#x"}}) {
            Payment p = openReturningTo(c[0], CaptureMethod.AUTOMATIC).payment();
            assertEquals(String.format(c[1], p.id().value()), p.returnUrlWithPaymentId().orElseThrow());
        }
        assertTrue(pending().returnUrlWithPaymentId().isEmpty());
    }

    @Test
    void aFailedAuthenticationFailsThePayment() {
        Payment confirming = waitingFor3ds().confirm(T1).payment();
        Failure failure = new Failure(PaymentErrorCodes.AUTHENTICATION_FAILED, null, "The customer failed 3-D Secure.");
        Payment.Change failed = confirming.recordOutcome(new AuthorizationResult.Declined("ref", failure), T1);
        assertEquals(PaymentStatus.FAILED, failed.payment().status());
        assertEquals(PaymentErrorCodes.AUTHENTICATION_FAILED, failed.payment().failure().code());
        assertNull(failed.payment().nextAction());
        assertInstanceOf(PaymentEvent.Failed.class, failed.event());
    }

    @Test
    void anApprovedAuthenticationOfAManualCapturePaymentWaitsForCapture() {
        Payment waiting = openReturningTo("https://shop.example/done", CaptureMethod.MANUAL).payment()
                .recordOutcome(new AuthorizationResult.ActionRequired("ref",
                        new NextAction(NextAction.REDIRECT_TO_URL, "https://3ds")), T1).payment();
        Payment.Change authorized = waiting.confirm(T1).payment()
                .recordOutcome(new AuthorizationResult.Approved("ref"), T1);
        assertEquals(PaymentStatus.REQUIRES_CAPTURE, authorized.payment().status());
        assertInstanceOf(PaymentEvent.RequiresCapture.class, authorized.event());
        assertEquals("https://shop.example/done", authorized.payment().returnUrl());
    }

    @Test
    void aCardCannotPayInACryptoCurrency() {
        PaymentException e = assertThrows(PaymentException.class, () -> Payment.open(PaymentId.generate(), "mer_1",
                false, new Money(100, CurrencyUnit.of("BTC")), PaymentSource.StoredMethod.of("pm_test_success"),
                CaptureMethod.AUTOMATIC, VISA, null, null, Metadata.EMPTY, T0));
        assertEquals(PaymentException.Kind.UNPROCESSABLE, e.kind());
        assertEquals("currency", e.field());
    }

    @Test
    void aCryptoMethodPaysOnlyInItsOwnCoin() {
        PaymentInstrument ether = new PaymentInstrument(PaymentInstrument.ETHEREUM, null, null, null, null, null);
        PaymentInstrument bitcoin = new PaymentInstrument(PaymentInstrument.BITCOIN, null, null, null, null, null);
        assertTrue(ether.accepts(CurrencyUnit.of("ETH")));
        assertFalse(ether.accepts(CurrencyUnit.of("BTC")));
        assertFalse(ether.accepts(CurrencyUnit.of("USD")));
        assertTrue(bitcoin.accepts(CurrencyUnit.of("BTC")));
        assertFalse(bitcoin.accepts(CurrencyUnit.of("ETH")));
        assertTrue(VISA.accepts(CurrencyUnit.of("USD")));
    }

    @Test
    void aMillionEtherIsPaidAndCapturedToTheGwei() {
        Money million = new Money(1_000_000_000_000_000L, CurrencyUnit.of("ETH"));
        PaymentInstrument ether = new PaymentInstrument(PaymentInstrument.ETHEREUM, null, null, null, null, null);
        Payment paid = Payment.open(PaymentId.generate(), "mer_1", false, million,
                PaymentSource.StoredMethod.of("pm_test_ethereum"), CaptureMethod.AUTOMATIC, ether, null, null,
                Metadata.EMPTY, T0).payment().recordOutcome(new AuthorizationResult.Approved("ref"), T1).payment();
        assertEquals(PaymentStatus.SUCCEEDED, paid.status());
        assertEquals(1_000_000_000_000_000L, paid.amountCaptured());
        Payment refunded = paid.refund("ref_1", new Money(1, CurrencyUnit.of("ETH")), 1, T1).payment();
        assertEquals(1, refunded.amountRefunded());
    }

    @Test
    void aDescriptionOverTheLimitIsRefused() {
        PaymentException e = assertThrows(PaymentException.class, () -> Payment.open(PaymentId.generate(), "mer_1",
                false, new Money(100, CurrencyUnit.of("USD")), PaymentSource.StoredMethod.of("pm_test_success"),
                CaptureMethod.AUTOMATIC, VISA, "x".repeat(1001), null, Metadata.EMPTY, T0));
        assertEquals("description", e.field());
    }

    @Test
    void refundsAddUpUntilThePaymentIsRefunded() {
        Payment paid = pending().recordOutcome(new AuthorizationResult.Approved("ref"), T1).payment();
        Money usd300 = new Money(300, CurrencyUnit.of("USD"));
        Payment.Change partial = paid.refund("ref_1", usd300, 1, T1);
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, partial.payment().status());
        assertEquals(300, partial.payment().amountRefunded());
        assertEquals("payment.refunded", partial.event().type());
        Payment.Change full = partial.payment().refund("ref_2", new Money(700, CurrencyUnit.of("USD")), 2, T1);
        assertEquals(PaymentStatus.REFUNDED, full.payment().status());
        assertEquals(1000, full.payment().amountRefunded());
        assertEquals(4, full.event().sequence());
        assertEquals(2, full.event().causedByRefundEvent(), "the refund event it follows from");
        assertEquals(0, paid.refund("ref_9", usd300, 0, T1).event().causedByRefundEvent(), "0: unknown");
    }

    @Test
    void refundsNeverExceedWhatWasCaptured() {
        Payment paid = pending().recordOutcome(new AuthorizationResult.Approved("ref"), T1).payment();
        PaymentException e = assertThrows(PaymentException.class,
                () -> paid.refund("ref_1", new Money(1001, CurrencyUnit.of("USD")), 1, T1));
        assertEquals(PaymentException.Kind.UNPROCESSABLE, e.kind());
    }

    @Test
    void anUnpaidPaymentCannotBeRefunded() {
        assertThrows(PaymentException.class, () -> pending().refund("ref_1", new Money(1, CurrencyUnit.of("USD")), 1, T1));
    }
}
