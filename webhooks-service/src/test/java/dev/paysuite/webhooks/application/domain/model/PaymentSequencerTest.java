package dev.paysuite.webhooks.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paysuite.kernel.PaymentHistory;
import dev.paysuite.webhooks.application.domain.model.PaymentSequencer.Arrival;
import dev.paysuite.webhooks.application.domain.model.PaymentSequencer.Result;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaymentSequencerTest {

    /** Payment event {@code s}, named "p{s}". */
    static Arrival<String> p(long s) {
        return new Arrival<>("p" + s, PaymentHistory.ofPaymentEvent(s));
    }

    /** Refund event {@code r} decided on payment event {@code s}, named "r{r}@{s}". */
    static Arrival<String> r(long s, long r) {
        return new Arrival<>("r" + r + "@" + s, PaymentHistory.ofRefundEvent(s, r));
    }

    static List<String> numbered(Result<String> result) {
        return result.numbered().stream().map(n -> n.sequence() + ":" + n.event()).toList();
    }

    static List<String> names(List<Arrival<String>> arrivals) {
        return arrivals.stream().map(Arrival::event).toList();
    }

    @Test
    void oneStreamInOrderIsNumberedFromOne() {
        Result<String> result = PaymentSequencer.number(PaymentTimeline.START, List.of(p(1), p(2), p(3)));
        assertEquals(List.of("1:p1", "2:p2", "3:p3"), numbered(result));
        assertEquals(new PaymentTimeline(3, 3, 0), result.timeline());
    }

    @Test
    void theTwoStreamsMergeInCausalOrderWhateverOrderTheyCameIn() {
        // created, succeeded; refund 1 decided on 2; payment.refunded 3; refund 2 decided on 3
        List<Arrival<String>> history = List.of(p(1), p(2), r(2, 1), p(3), r(3, 2));
        Random random = new Random(11);
        for (int i = 0; i < 50; i++) {
            List<Arrival<String>> shuffled = new ArrayList<>(history);
            Collections.shuffle(shuffled, random);
            assertEquals(List.of("1:p1", "2:p2", "3:r1@2", "4:p3", "5:r2@3"),
                    numbered(PaymentSequencer.number(PaymentTimeline.START, shuffled)));
        }
    }

    @Test
    void aRefundEventWaitsForThePaymentEventItWasBasedOn() {
        Result<String> first = PaymentSequencer.number(new PaymentTimeline(1, 1, 0), List.of(r(2, 1)));
        assertEquals(List.of(), numbered(first));
        assertEquals(List.of("r1@2"), names(first.waiting()));
        assertEquals(new PaymentTimeline(1, 1, 0), first.timeline());

        List<Arrival<String>> next = new ArrayList<>(first.waiting());
        next.add(p(2));
        Result<String> second = PaymentSequencer.number(first.timeline(), next);
        assertEquals(List.of("2:p2", "3:r1@2"), numbered(second));
        assertEquals(List.of(), second.waiting());
    }

    @Test
    void aGapInAStreamHoldsBackEverythingBehindIt() {
        // payment event 2 has not come; refund 2 shows that refund 1 (before payment event 2) is missing too
        Result<String> result = PaymentSequencer.number(new PaymentTimeline(1, 1, 0), List.of(p(3), r(1, 2)));
        assertEquals(List.of(), numbered(result));
        assertEquals(List.of("r2@1", "p3"), names(result.waiting()));

        List<Arrival<String>> next = new ArrayList<>(result.waiting());
        next.add(r(1, 1));
        Result<String> partly = PaymentSequencer.number(result.timeline(), next);
        assertEquals(List.of("2:r1@1", "3:r2@1"), numbered(partly));
        assertEquals(List.of("p3"), names(partly.waiting()));
    }

    @Test
    void aRefundEventLaterThanThePaymentEventAfterItsBaseGetsTheNextNumber() {
        // payments.events ran ahead: p3 was numbered before the refund decided on p2 came
        Result<String> before = PaymentSequencer.number(PaymentTimeline.START, List.of(p(1), p(2), p(3)));
        Result<String> late = PaymentSequencer.number(before.timeline(), List.of(r(2, 1), p(4)));
        assertEquals(List.of("4:r1@2", "5:p4"), numbered(late));
        assertEquals(new PaymentTimeline(5, 4, 1), late.timeline());
    }

    @Test
    void aPaymentEventCausedByARefundWaitsForItHoweverFarRefundsLag() {
        // payments.events ran ahead: p3 (payment.refunded) follows from refund event 1, not read yet
        Arrival<String> refunded = new Arrival<>("p3", PaymentHistory.ofPaymentEvent(3), 1);
        Result<String> ahead = PaymentSequencer.number(PaymentTimeline.START, List.of(p(1), p(2), refunded, p(4)));
        assertEquals(List.of("1:p1", "2:p2"), numbered(ahead));
        assertEquals(List.of("p3", "p4"), names(ahead.waiting()));
        // refund event 1 was decided on p1 (a refund created before capture's event was read)
        Result<String> caughtUp = PaymentSequencer.number(ahead.timeline(), List.of(refunded, p(4), r(1, 1)));
        assertEquals(List.of("3:r1@1", "4:p3", "5:p4"), numbered(caughtUp));
        assertEquals(new PaymentTimeline(5, 4, 1), caughtUp.timeline());
        assertThrows(IllegalArgumentException.class,
                () -> new Arrival<>("r", PaymentHistory.ofRefundEvent(1, 1), 1), "only a payment event");
    }

    @Test
    void aRefundDecidedBeforeAnyPaymentEventComesFirst() {
        assertEquals(List.of("1:r1@0", "2:p1"),
                numbered(PaymentSequencer.number(PaymentTimeline.START, List.of(p(1), r(0, 1)))));
    }

    @Test
    void replayedEventsAreDuplicatesAndGetNoNumber() {
        Result<String> result = PaymentSequencer.number(new PaymentTimeline(3, 2, 1),
                List.of(p(1), p(2), r(2, 1), p(3), p(3)));
        assertEquals(List.of("4:p3"), numbered(result));
        assertEquals(List.of("p1", "p2", "r1@2", "p3"), names(result.duplicates()));
        assertEquals(List.of(), result.waiting());
    }
}
