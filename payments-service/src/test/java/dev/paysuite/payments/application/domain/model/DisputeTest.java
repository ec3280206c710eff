package dev.paysuite.payments.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.id.DisputeId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.kernel.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisputeTest {
    static final Instant T0 = PaymentTest.T0;
    static final Instant OPENED = T0.plusSeconds(10);
    static final Instant DUE = OPENED.plus(Duration.ofDays(7));

    /** A payment of 1000 USD, succeeded (captured at once): its history is created, processing, succeeded. */
    static Payment succeeded() {
        return PaymentTest.pending().recordOutcome(new AuthorizationResult.Approved("ref"), PaymentTest.T1).payment();
    }

    static Dispute.Change open(Payment payment, long amount) {
        return Dispute.open(DisputeId.generate(), payment, "sim_dp_1", new Money(amount, CurrencyUnit.of("USD")),
                "fraudulent", DUE, OPENED).orElseThrow();
    }

    @Test
    void openingHoldsTheAmountAndIsThePaymentsNextEvent() {
        Payment payment = succeeded();
        Dispute.Change opened = open(payment, 1000);
        Dispute d = opened.dispute();
        assertEquals(DisputeStatus.NEEDS_RESPONSE, d.status());
        assertEquals(1000, d.amount().amount());
        assertEquals(DUE, d.evidenceDueBy());
        assertTrue(d.evidence().isEmpty());
        assertEquals(1000, opened.payment().amountDisputed());
        assertEquals(PaymentStatus.SUCCEEDED, opened.payment().status());
        assertEquals(payment.eventSequence() + 1, opened.payment().eventSequence());
        assertEquals(opened.payment().eventSequence(), opened.event().sequence());
        assertEquals(DisputeEvent.CREATED, opened.event().type());
        assertEquals(0, opened.payment().disputable());
    }

    @Test
    void aDisputeClaimsAtMostWhatIsLeftAndNothingOfAPaymentRefundedInFull() {
        Payment partlyRefunded = succeeded().refund("ref_1", new Money(300, CurrencyUnit.of("USD")), 1, T0).payment();
        assertEquals(700, open(partlyRefunded, 1000).dispute().amount().amount());
        Payment refunded = succeeded().refund("ref_1", new Money(1000, CurrencyUnit.of("USD")), 1, T0).payment();
        assertTrue(Dispute.open(DisputeId.generate(), refunded, "sim_dp_2", new Money(1000, CurrencyUnit.of("USD")),
                "fraudulent", DUE, OPENED).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Dispute.open(DisputeId.generate(), succeeded(), "sim_dp_3",
                new Money(1000, CurrencyUnit.of("EUR")), "fraudulent", DUE, OPENED));
    }

    @Test
    void evidenceIsGivenInPartsThenSubmittedForReview() {
        Dispute.Change opened = open(succeeded(), 1000);
        Dispute.Change first = opened.dispute().giveEvidence(new DisputeEvidence("A blue mug", null, null, null,
                List.of("file_receipt")), false, opened.payment(), OPENED.plusSeconds(1));
        assertEquals(DisputeStatus.NEEDS_RESPONSE, first.dispute().status());
        assertEquals(DisputeEvent.UPDATED, first.event().type());
        assertEquals(opened.payment().eventSequence() + 1, first.event().sequence());
        assertNull(first.dispute().acquirerPending());
        Dispute.Change submitted = first.dispute().giveEvidence(new DisputeEvidence(null, null, "1Z999", null, null),
                true, first.payment(), OPENED.plusSeconds(2));
        Dispute d = submitted.dispute();
        assertEquals(DisputeStatus.UNDER_REVIEW, d.status());
        assertEquals("A blue mug", d.evidence().productDescription());
        assertEquals("1Z999", d.evidence().shippingTracking());
        assertEquals(List.of("file_receipt"), d.evidence().files());
        assertEquals(1, d.submissionCount());
        assertEquals(OPENED.plusSeconds(2), d.submittedAt());
        assertEquals(Dispute.AcquirerInstruction.SUBMIT, d.acquirerPending());
        assertEquals(1000, submitted.payment().amountDisputed());
        assertNull(d.acquirerTold().acquirerPending());
        PaymentException again = assertThrows(PaymentException.class,
                () -> d.giveEvidence(DisputeEvidence.NONE, true, submitted.payment(), OPENED.plusSeconds(3)));
        assertEquals(PaymentErrorCodes.DISPUTE_UNEXPECTED_STATE, again.code());
    }

    @Test
    void afterTheDeadlineNoEvidenceAndNoAcceptance() {
        Dispute.Change opened = open(succeeded(), 1000);
        Instant late = DUE.plusSeconds(1);
        PaymentException evidence = assertThrows(PaymentException.class, () -> opened.dispute()
                .giveEvidence(new DisputeEvidence("x", null, null, null, null), false, opened.payment(), late));
        assertEquals(PaymentErrorCodes.DISPUTE_EVIDENCE_PAST_DUE, evidence.code());
        assertEquals(DomainException.Kind.INVALID, evidence.kind());
        PaymentException accept = assertThrows(PaymentException.class,
                () -> opened.dispute().accept(opened.payment(), late));
        assertEquals(PaymentErrorCodes.DISPUTE_EVIDENCE_PAST_DUE, accept.code());
        // at the deadline itself it is still on time
        assertEquals(DisputeStatus.UNDER_REVIEW, opened.dispute().giveEvidence(DisputeEvidence.NONE, true,
                opened.payment(), DUE).dispute().status());
    }

    @Test
    void acceptingLosesTheDisputeAndKeepsTheAmountHeld() {
        Dispute.Change opened = open(succeeded(), 1000);
        Dispute.Change accepted = opened.dispute().accept(opened.payment(), OPENED.plusSeconds(5));
        assertEquals(DisputeStatus.LOST, accepted.dispute().status());
        assertEquals(OPENED.plusSeconds(5), accepted.dispute().closedAt());
        assertEquals(DisputeEvent.CLOSED, accepted.event().type());
        assertEquals(Dispute.AcquirerInstruction.ACCEPT, accepted.dispute().acquirerPending());
        assertEquals(1000, accepted.payment().amountDisputed());
    }

    @Test
    void theDecisionReleasesTheAmountUnlessLostAndComesOnce() {
        for (DisputeStatus outcome : List.of(DisputeStatus.WON, DisputeStatus.CLOSED, DisputeStatus.LOST)) {
            Dispute.Change opened = open(succeeded(), 1000);
            Dispute.Change submitted = opened.dispute().giveEvidence(DisputeEvidence.NONE, true, opened.payment(),
                    OPENED);
            Dispute.Change decided = submitted.dispute().decide(outcome, submitted.payment(), OPENED.plusSeconds(9))
                    .orElseThrow();
            assertEquals(outcome, decided.dispute().status());
            assertEquals(DisputeEvent.CLOSED, decided.event().type());
            assertEquals(outcome == DisputeStatus.LOST ? 1000 : 0, decided.payment().amountDisputed(), outcome.name());
            assertEquals(submitted.payment().eventSequence() + 1, decided.event().sequence());
            assertTrue(decided.dispute().decide(DisputeStatus.WON, decided.payment(), OPENED.plusSeconds(10))
                    .isEmpty(), "a decision comes once");
        }
        Dispute.Change opened = open(succeeded(), 1000);
        // no evidence by the deadline: the acquirer tells it lost, straight from needs_response
        assertEquals(DisputeStatus.LOST, opened.dispute().decide(DisputeStatus.LOST, opened.payment(),
                DUE.plusSeconds(1)).orElseThrow().dispute().status());
        assertThrows(IllegalArgumentException.class,
                () -> opened.dispute().decide(DisputeStatus.UNDER_REVIEW, opened.payment(), OPENED));
    }

    @Test
    void evidenceIsRefusedWhenMalformed() {
        String[] bad = { "", " ", "x".repeat(DisputeEvidence.MAX_TEXT + 1), "bell\u0007" };
        for (String text : bad) {
            PaymentException e = assertThrows(PaymentException.class,
                    () -> new DisputeEvidence(text, null, null, null, null));
            assertEquals("evidence.product_description", e.field());
        }
        assertThrows(PaymentException.class,
                () -> new DisputeEvidence(null, null, "x".repeat(DisputeEvidence.MAX_TRACKING + 1), null, null));
        for (List<String> files : List.of(List.of("http://insecure.example/receipt"), List.of("file_"),
                List.of("receipt.pdf"), List.of("https://a b"), java.util.Collections.nCopies(11, "file_x"))) {
            PaymentException e = assertThrows(PaymentException.class,
                    () -> new DisputeEvidence(null, null, null, null, files), files.toString());
            assertEquals("evidence.files", e.field());
        }
        assertThrows(PaymentException.class,
                () -> new DisputeEvidence(null, null, null, null, java.util.Arrays.asList("file_a", null)));
        DisputeEvidence fine = new DisputeEvidence("line one\nline two\ttabbed", null, null, null,
                List.of("file_abc", "https://files.example.com/receipt.pdf"));
        assertFalse(fine.isEmpty());
        assertEquals(List.of("file_new"), fine.with(new DisputeEvidence(null, null, null, null, List.of("file_new")))
                .files());
        assertEquals(2, fine.with(DisputeEvidence.NONE).files().size());
    }
}
