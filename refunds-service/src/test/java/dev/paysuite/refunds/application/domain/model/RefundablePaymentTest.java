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
}
