package dev.paysuite.refunds.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.CurrencyUnit;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RefundablePaymentTest {

    static PaymentSnapshot payment(String status, long captured, long sequence) {
        return new PaymentSnapshot(new PaymentId("pay_1"), "mer_1", false, CurrencyUnit.of("USD"), 1000, captured, status,
                "4242", sequence);
    }

    static RefundablePayment succeeded() {
        return RefundablePayment.firstSeen(payment("succeeded", 1000, 2));
    }

    @Test
    void partialRefundsClaimWhatTheyTakeUntilNothingIsLeft() {
        RefundablePayment p = succeeded().reserve(300L, null).reserve(200L, "usd");
        assertEquals(500, p.amountReserved());
        assertEquals(500, p.remaining());
        RefundablePayment rest = p.reserve(null, null);
        assertEquals(0, rest.remaining());
        RefundException e = assertThrows(RefundException.class, () -> rest.reserve(1L, null));
        assertEquals(RefundException.Kind.CONFLICT, e.kind());
    }

    @Test
    void refundingMoreThanIsLeftIsUnprocessable() {
        RefundException e = assertThrows(RefundException.class, () -> succeeded().reserve(300L, null).reserve(701L, null));
        assertEquals(RefundException.Kind.UNPROCESSABLE, e.kind());
        assertEquals("amount", e.field());
    }

    @Test
    void anAmountAboveTheCurrencysMaximumIsBadInputEvenWhenNothingIsLeft() {
        for (RefundablePayment p : new RefundablePayment[] {succeeded(), succeeded().reserve(null, null)}) {
            DomainException e = assertThrows(DomainException.class, () -> p.reserve(100_000_000_000L, null));
            assertEquals(DomainException.Kind.INVALID, e.kind());
            assertEquals(ErrorCodes.AMOUNT_TOO_LARGE, e.code());
            assertEquals("amount", e.field());
        }
    }

    @Test
    void onlyAPaidPaymentCanBeRefunded() {
        for (String status : new String[] {"failed", "canceled", "pending", "requires_capture", "requires_action"}) {
            RefundablePayment p = RefundablePayment.firstSeen(payment(status, 0, 2));
            RefundException e = assertThrows(RefundException.class, () -> p.reserve(100L, null), status);
            assertEquals(RefundException.Kind.INVALID, e.kind());
            assertEquals(RefundErrorCodes.PAYMENT_NOT_REFUNDABLE, e.code());
        }
    }

    @Test
    void paymentsThatAreStillOnTheirWayMayBecomeRefundable() {
        assertTrue(RefundablePayment.firstSeen(payment("requires_capture", 0, 2)).mayBecomeRefundable());
        assertFalse(RefundablePayment.firstSeen(payment("failed", 0, 2)).mayBecomeRefundable());
        assertFalse(succeeded().mayBecomeRefundable());
    }

    @Test
    void amountsAreInThePaymentsCurrencyAndPositive() {
        assertEquals(RefundErrorCodes.CURRENCY_MISMATCH,
                assertThrows(RefundException.class, () -> succeeded().reserve(100L, "EUR")).code());
        assertEquals(ErrorCodes.AMOUNT_INVALID,
                assertThrows(RefundException.class, () -> succeeded().reserve(0L, null)).code());
        assertEquals(ErrorCodes.AMOUNT_INVALID,
                assertThrows(RefundException.class, () -> succeeded().reserve(-5L, null)).code());
    }

    @Test
    void aFailedRefundGivesItsAmountBack() {
        assertEquals(1000, succeeded().reserve(400L, null).release(400).remaining());
    }

    @Test
    void olderNewsOfThePaymentChangesNothing() {
        RefundablePayment captured = RefundablePayment.firstSeen(payment("succeeded", 800, 3)).reserve(100L, null);
        assertSame(captured, captured.observe(payment("requires_capture", 0, 2)));
        assertSame(captured, captured.observe(payment("succeeded", 800, 3)));
        RefundablePayment newer = captured.observe(payment("partially_refunded", 800, 4));
        assertEquals("partially_refunded", newer.payment().status());
        assertEquals(100, newer.amountReserved(), "what refunds claimed is ours, not the event's");
    }

    static DisputeSnapshot dispute(String status, long amount, long sequence) {
        return new DisputeSnapshot(new PaymentId("pay_1"), "mer_1", false, CurrencyUnit.of("USD"), amount, status,
                sequence);
    }

    @Test
    void whatADisputeHoldsIsItsAmountUntilItIsWonOrWithdrawn() {
        assertEquals(600, dispute("needs_response", 600, 3).held());
        assertEquals(600, dispute("under_review", 600, 3).held());
        assertEquals(600, dispute("lost", 600, 3).held(), "a lost dispute keeps the money");
        assertEquals(0, dispute("won", 600, 3).held());
        assertEquals(0, dispute("closed", 600, 3).held(), "the cardholder withdrew");
        assertThrows(IllegalArgumentException.class, () -> dispute("pending", 600, 3));
        assertThrows(IllegalArgumentException.class, () -> dispute("needs_response", -1, 3));
        assertThrows(IllegalArgumentException.class, () -> dispute("needs_response", 600, 0));
    }

    @Test
    void aDisputeHoldsItsAmountAbsolutelyAndRefundsGetOnlyWhatIsLeft() {
        RefundablePayment disputed = succeeded().observe(dispute("needs_response", 600, 3));
        assertEquals(600, disputed.amountDisputed());
        assertEquals(400, disputed.remaining());
        assertEquals(3, disputed.payment().sequence(), "the view has seen the payment's event 3");
        assertEquals("succeeded", disputed.payment().status(), "the payment's own state is the payment's events'");
        assertEquals(1000, disputed.payment().amountCaptured());

        // Each event says what the dispute holds now, not by how much it changed.
        RefundablePayment updated = disputed.observe(dispute("under_review", 500, 4));
        assertEquals(500, updated.amountDisputed());
        RefundablePayment lost = updated.observe(dispute("lost", 500, 5));
        assertEquals(500, lost.amountDisputed());
        assertEquals(500, lost.remaining());
        RefundablePayment won = updated.observe(dispute("won", 500, 5));
        assertEquals(0, won.amountDisputed());
        assertEquals(1000, won.remaining());
        assertEquals(0, disputed.observe(dispute("closed", 600, 4)).amountDisputed());
    }

    @Test
    void aRefundOfMoreThanADisputeLeavesIsRefusedSayingWhatTheDisputeHolds() {
        RefundablePayment disputed = succeeded().observe(dispute("needs_response", 600, 3));
        RefundException more = assertThrows(RefundException.class, () -> disputed.reserve(500L, null));
        assertEquals(RefundException.Kind.UNPROCESSABLE, more.kind());
        assertEquals(RefundErrorCodes.REFUND_EXCEEDS_REMAINING, more.code());
        assertEquals("amount", more.field());
        assertEquals("Refund amount (500) is more than is left to refund (400); a dispute holds 600 of the payment.",
                more.getMessage());

        RefundablePayment rest = disputed.reserve(null, null);
        assertEquals(400, rest.amountReserved());
        assertEquals(0, rest.remaining());
        RefundException nothing = assertThrows(RefundException.class, () -> rest.reserve(1L, null));
        assertEquals(RefundException.Kind.UNPROCESSABLE, nothing.kind());
        assertEquals(RefundErrorCodes.PAYMENT_DISPUTED, nothing.code());
        assertEquals("Nothing is left to refund of payment pay_1: a dispute holds 600 of it.", nothing.getMessage());
        assertEquals(RefundErrorCodes.PAYMENT_DISPUTED,
                assertThrows(RefundException.class, () -> rest.reserve(null, null)).code());

        RefundException refunded = assertThrows(RefundException.class,
                () -> succeeded().reserve(null, null).reserve(1L, null));
        assertEquals(RefundErrorCodes.PAYMENT_FULLY_REFUNDED, refunded.code(), "no dispute: as before");
        RefundException over = assertThrows(RefundException.class, () -> succeeded().reserve(1001L, null));
        assertEquals("Refund amount (1001) is more than is left to refund (1000).", over.getMessage());
    }

    @Test
    void theViewNeverHoldsMoreThanRefundsLeftForADispute() {
        // 700 refunded before the view heard of a dispute of 600: the refund is gone to the processor.
        RefundablePayment refunded = succeeded().reserve(700L, null);
        RefundablePayment disputed = refunded.observe(dispute("needs_response", 600, 3));
        assertEquals(300, disputed.amountDisputed(), "clamped to what refunds left");
        assertEquals(0, disputed.remaining());
        assertEquals(RefundErrorCodes.PAYMENT_DISPUTED,
                assertThrows(RefundException.class, () -> disputed.reserve(1L, null)).code());
        // And a payment event's amount_disputed, likewise.
        RefundablePayment told = refunded.observe(payment("partially_refunded", 1000, 3), OptionalLong.of(600));
        assertEquals(300, told.amountDisputed());
        assertEquals(600, disputed.amountDisputedReported());
        // The refund fails and gives its amount back: to the dispute first, up to what it was reported to hold.
        RefundablePayment failed = disputed.release(700);
        assertEquals(0, failed.amountReserved());
        assertEquals(600, failed.amountDisputed());
        assertEquals(400, failed.remaining());
        RefundablePayment partly = refunded.reserve(100L, null).observe(dispute("needs_response", 600, 3)).release(100);
        assertEquals(300, partly.amountDisputed(), "700 still claimed: the dispute gets back only what is left");
        assertEquals(0, partly.remaining());
        // News of the dispute once it is won releases it whatever was clamped.
        assertEquals(300, disputed.observe(dispute("won", 600, 4)).remaining());
        assertEquals(0, disputed.observe(dispute("won", 600, 4)).amountDisputedReported());
    }

    @Test
    void paymentEventsSetWhatDisputesHoldOrKeepItWhenTheyDoNotSay() {
        RefundablePayment disputed = succeeded().observe(dispute("needs_response", 600, 3));
        RefundablePayment silent = disputed.observe(payment("succeeded", 1000, 4));
        assertEquals(600, silent.amountDisputed(), "absent: kept");
        assertEquals(4, silent.payment().sequence());
        RefundablePayment said = silent.observe(payment("succeeded", 1000, 5), OptionalLong.of(0));
        assertEquals(0, said.amountDisputed());
        assertEquals(250, said.observe(payment("succeeded", 1000, 6), OptionalLong.of(250)).amountDisputed());
        RefundablePayment first = RefundablePayment.firstSeen(payment("succeeded", 1000, 4), OptionalLong.of(600));
        assertEquals(600, first.amountDisputed());
        assertEquals(400, first.remaining());
        assertEquals(0, RefundablePayment.firstSeen(payment("requires_capture", 0, 2), OptionalLong.of(600))
                .amountDisputed(), "never more than was captured");
        assertThrows(IllegalArgumentException.class,
                () -> succeeded().observe(payment("succeeded", 1000, 3), OptionalLong.of(-1)));
    }

    @Test
    void olderOrRepeatedNewsOfADisputeOrThePaymentChangesNothing() {
        RefundablePayment disputed = succeeded().observe(dispute("needs_response", 600, 3));
        assertSame(disputed, disputed.observe(dispute("needs_response", 600, 3)), "the same event again");
        assertSame(disputed, disputed.observe(dispute("won", 600, 2)), "older than what the view knows");
        assertSame(disputed, disputed.observe(payment("succeeded", 1000, 3), OptionalLong.of(0)),
                "a payment event shares the sequence: as old as the dispute's");
        RefundablePayment won = disputed.observe(dispute("won", 600, 4));
        assertSame(won, won.observe(dispute("lost", 600, 4)));
        assertSame(won, won.observe(payment("succeeded", 1000, 3), OptionalLong.of(600)));
        assertEquals(0, won.amountDisputed());
    }

    @Test
    void aDisputeIsOfItsPaymentsMerchantModeAndCurrency() {
        for (DisputeSnapshot other : new DisputeSnapshot[] {
                new DisputeSnapshot(new PaymentId("pay_1"), "mer_2", false, CurrencyUnit.of("USD"), 600, "lost", 3),
                new DisputeSnapshot(new PaymentId("pay_1"), "mer_1", true, CurrencyUnit.of("USD"), 600, "lost", 3),
                new DisputeSnapshot(new PaymentId("pay_1"), "mer_1", false, CurrencyUnit.of("EUR"), 600, "lost", 3),
                new DisputeSnapshot(new PaymentId("pay_2"), "mer_1", false, CurrencyUnit.of("USD"), 600, "lost", 3)}) {
            assertFalse(other.concerns(succeeded().payment()));
            assertThrows(IllegalArgumentException.class, () -> succeeded().observe(other));
        }
        assertTrue(dispute("lost", 600, 3).concerns(succeeded().payment()));
    }

    @Test
    void refundsAndDisputesNeverClaimMoreThanWasCaptured() {
        PaymentSnapshot p = payment("succeeded", 1000, 2);
        assertThrows(IllegalArgumentException.class, () -> new RefundablePayment(p, 500, 501, 0));
        assertThrows(IllegalArgumentException.class, () -> new RefundablePayment(p, 0, -1, 0));
        assertEquals(0, new RefundablePayment(p, 500, 500, 0).remaining());
    }
}
