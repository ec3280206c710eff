package dev.paysuite.payments.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.id.PaymentLinkId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentLinkTest {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    static PaymentLink.Draft draft(Long amount, String currency, List<PaymentLink.LineItem> items, List<String> types) {
        return new PaymentLink.Draft(amount, currency, items, "Two tickets", Metadata.EMPTY, null, null,
                "https://shop.example/thanks", types);
    }

    static PaymentLink create(PaymentLink.Draft d) {
        return PaymentLink.create(PaymentLinkId.generate(), "mer_1", false, d, NOW);
    }

    static DomainException refused(PaymentLink.Draft d) {
        return assertThrows(DomainException.class, () -> create(d));
    }

    @Test
    void anAmountAndCurrencyMakeAOneTimeCardLink() {
        PaymentLink link = create(draft(1000L, "usd", null, null));
        assertEquals(1000, link.amount().amount());
        assertEquals("USD", link.amount().currency().code());
        assertEquals(List.of("card"), link.paymentMethodTypes());
        assertFalse(link.reusable());
        assertTrue(link.id().value().startsWith("plink_"));
        assertNull(link.unpayableReason(NOW, false));
    }

    @Test
    void lineItemsMakeTheAmount() {
        PaymentLink link = create(draft(null, "JPY", List.of(new PaymentLink.LineItem("Ticket", 2, 1500),
                new PaymentLink.LineItem("Fee", 1, 200)), null));
        assertEquals(3200, link.amount().amount());
        assertEquals(2, link.lineItems().size());
    }

    @Test
    void cryptoLinksArePaidInTheirCoinOnly() {
        assertEquals(List.of("bitcoin"), create(draft(100_000L, "BTC", null, null)).paymentMethodTypes());
        assertEquals(List.of("ethereum"), create(draft(1_000_000L, "ETH", null, null)).paymentMethodTypes());
        assertEquals("paymentMethodTypes", refused(draft(100_000L, "BTC", null, List.of("card"))).field());
        assertEquals("paymentMethodTypes", refused(draft(1000L, "USD", null, List.of("bitcoin"))).field());
        assertEquals("paymentMethodTypes", refused(draft(1000L, "USD", null, List.of("wire"))).field());
        assertEquals("paymentMethodTypes", refused(draft(1000L, "USD", null, List.of())).field());
    }

    @Test
    void badDraftsNameTheirField() {
        assertEquals("amount", refused(draft(null, "USD", null, null)).field());
        assertEquals("currency", refused(draft(1000L, null, null, null)).field());
        assertEquals("currency", refused(draft(1000L, "XXZ", null, null)).field());
        assertEquals("amount", refused(draft(0L, "USD", null, null)).field());
        assertEquals("amount", refused(draft(1000L, "USD", List.of(new PaymentLink.LineItem("a", 1, 1)), null)).field());
        assertEquals("lineItems", refused(draft(null, "USD", List.of(), null)).field());
        assertEquals("lineItems[0].quantity",
                refused(draft(null, "USD", List.of(new PaymentLink.LineItem("a", 0, 1)), null)).field());
        assertEquals("lineItems[1].name",
                refused(draft(null, "USD", List.of(new PaymentLink.LineItem("a", 1, 1), new PaymentLink.LineItem(" ", 1, 1)), null)).field());
        assertEquals("lineItems[0].unitAmount",
                refused(draft(null, "USD", List.of(new PaymentLink.LineItem("a", 1, -5)), null)).field());
        assertEquals("lineItems", refused(draft(null, "USD",
                List.of(new PaymentLink.LineItem("a", 1000, Long.MAX_VALUE / 10)), null)).field());
        assertEquals("redirectUrl", refused(new PaymentLink.Draft(1000L, "USD", null, null, Metadata.EMPTY, null, null,
                "javascript:alert(1)", null)).field());
        assertEquals("redirectUrl", refused(new PaymentLink.Draft(1000L, "USD", null, null, Metadata.EMPTY, null, null,
                "/relative", null)).field());
        assertEquals("expiresAt", refused(new PaymentLink.Draft(1000L, "USD", null, null, Metadata.EMPTY, null,
                NOW.minusSeconds(1), null, null)).field());
    }

    @Test
    void aOneTimeLinkTakesOnePaymentAReusableOneMany() {
        PaymentLink once = create(draft(1000L, "USD", null, null));
        assertEquals("This payment link has already been paid.", once.unpayableReason(NOW, true));
        PaymentLink reusable = PaymentLink.create(PaymentLinkId.generate(), "mer_1", false,
                new PaymentLink.Draft(1000L, "USD", null, null, Metadata.EMPTY, true, null, null, null), NOW);
        assertNull(reusable.unpayableReason(NOW, true));
        DomainException e = assertThrows(DomainException.class, () -> once.requirePayable(NOW, true, "card"));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(PaymentErrorCodes.PAYMENT_LINK_INACTIVE, e.code());
        assertEquals("method", assertThrows(DomainException.class,
                () -> reusable.requirePayable(NOW, false, "bitcoin")).field());
    }

    @Test
    void deactivatedAndExpiredLinksTakeNothing() {
        PaymentLink link = PaymentLink.create(PaymentLinkId.generate(), "mer_1", false,
                new PaymentLink.Draft(1000L, "USD", null, null, Metadata.EMPTY, true, NOW.plusSeconds(60), null, null), NOW);
        assertNull(link.unpayableReason(NOW, false));
        assertEquals("This payment link has expired.", link.unpayableReason(NOW.plusSeconds(60), false));
        PaymentLink off = link.deactivate(NOW.plusSeconds(1));
        assertEquals("This payment link is no longer active.", off.unpayableReason(NOW, false));
        assertSame(off, off.deactivate(NOW.plusSeconds(2)));
    }

    @Test
    void aFailedOrCanceledAttemptDoesNotPayALink() {
        assertFalse(PaymentLink.countsAsPaid(PaymentStatus.FAILED));
        assertFalse(PaymentLink.countsAsPaid(PaymentStatus.CANCELED));
        assertTrue(PaymentLink.countsAsPaid(PaymentStatus.SUCCEEDED));
        assertTrue(PaymentLink.countsAsPaid(PaymentStatus.REQUIRES_ACTION));
    }
}
