package dev.paysuite.refunds.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.Metadata;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefundTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static final RefundablePayment PAID = RefundablePayment.firstSeen(RefundablePaymentTest.payment("succeeded", 1000, 2));

    Refund.Change open() {
        return Refund.open(PAID.reserve(250L, null), 250, "Product returned", Metadata.EMPTY, NOW);
    }

    @Test
    void aRefundOpensPendingInThePaymentsCurrency() {
        Refund.Change opened = open();
        assertTrue(opened.refund().id().value().startsWith("ref_"));
        assertEquals(RefundStatus.PENDING, opened.refund().status());
        assertEquals("USD", opened.refund().amount().currency().code());
        RefundEvent event = opened.eventNumbered(PAID.nextEvent());
        assertInstanceOf(RefundEvent.Created.class, event);
        assertEquals("refund.created", event.type());
        assertEquals(1, event.sequence());
        assertEquals(2, event.paymentSequence(), "decided on payment event 2");
    }

    @Test
    void aPendingRefundSucceedsOrFailsOnce() {
        Refund pending = open().refund();
        Refund.Change done = pending.succeed(NOW);
        assertEquals(RefundStatus.SUCCEEDED, done.refund().status());
        assertEquals("refund.succeeded", done.eventNumbered(PAID.nextEvent().nextEvent()).type());
        assertThrows(IllegalStateException.class, () -> done.refund().fail("x", NOW));
        Refund.Change failed = pending.fail("expired_or_canceled_card", NOW);
        assertEquals("expired_or_canceled_card", failed.refund().failureReason());
        assertEquals("refund.failed", failed.eventNumbered(PAID.nextEvent().nextEvent()).type());
    }

    @Test
    void aReasonIsBounded() {
        RefundablePayment p = RefundablePayment.firstSeen(RefundablePaymentTest.payment("succeeded", 1000, 2));
        assertEquals("reason", assertThrows(RefundException.class,
                () -> Refund.open(p, 1, "x".repeat(501), Metadata.EMPTY, NOW)).field());
    }
}
