package dev.paysuite.webhooks.application.domain.model;

import dev.paysuite.kernel.PaymentHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Gives a payment's public events their {@code sequence}: 1, 2, 3, ... without gaps, in the causal
 * order of {@link PaymentHistory}, merging {@code payments.events} and {@code refunds.events}.
 *
 * <p><b>The rule.</b> Events that arrived and have no number yet wait in PaymentHistory order; the
 * lowest is numbered if it is the next of its stream (payment event {@code s} after payment event
 * {@code s - 1}; refund event {@code r} after refund event {@code r - 1} and after the payment event
 * it was based on), then the next lowest, and so on; at the first that is not, numbering stops and
 * the rest wait. Stopping is right because whatever is missing comes before everything waiting
 * behind it (a missing predecessor always has a lower position). Each topic keeps a payment's events
 * in order, so a wait lasts only until the other topic's consumer catches up (or, if the missing
 * event was dead-lettered, until it is replayed).
 *
 * <p><b>Caused by a refund.</b> A payment event that follows from a refund event
 * ({@code payment.refunded} carries the {@code refundsequence} of the {@code refund.succeeded} it
 * follows from) is also not the next of its stream until that refund event is numbered: however
 * far refunds.events lags, the refund comes first.
 *
 * <p><b>A late event.</b> A number once given is never changed: it went out in webhooks. One case
 * cannot be foreseen: a refund event based on payment event {@code s} that arrives after payment
 * event {@code s + 1} was numbered, where nothing in {@code s + 1} said a refund was coming (the two
 * were decided independently, in two services, at the same time: neither follows from the other). It
 * gets the next number, after events the kernel's rule would put it before: the public
 * {@code sequence} is the order in which this service merged the history, gap-free, final and
 * causal (nothing is numbered before an event it follows from), and equal to the kernel's order
 * whenever the two topics were read in step. Receivers order by {@code sequence}.
 *
 * <p>Events already numbered (a replay) come back as duplicates and get nothing.
 */
public final class PaymentSequencer {
    private static final Comparator<Arrival<?>> BY_HISTORY = Comparator.comparing(Arrival::position);

    private PaymentSequencer() {
    }

    /**
     * An event of the payment, with its position from the topic it came from.
     *
     * @param afterRefundEvent for a payment event that follows from a refund event (its
     *     {@code refundsequence}), that refund event's sequence: it waits for it; 0 otherwise
     */
    public record Arrival<T>(T event, PaymentHistory position, long afterRefundEvent) {
        public Arrival {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(position, "position");
            if (afterRefundEvent < 0 || afterRefundEvent > 0 && position.refundSequence() != 0) {
                throw new IllegalArgumentException("only a payment event follows from a refund event");
            }
        }

        public Arrival(T event, PaymentHistory position) {
            this(event, position, 0);
        }

        boolean isPaymentEvent() {
            return position.refundSequence() == 0;
        }
    }

    public record Numbered<T>(T event, long sequence) {
    }

    /**
     * @param timeline how far the payment is numbered now
     * @param numbered what got a number, in order
     * @param waiting what still waits for an event that must come before it
     * @param duplicates what had been numbered before
     */
    public record Result<T>(PaymentTimeline timeline, List<Numbered<T>> numbered, List<Arrival<T>> waiting,
            List<Arrival<T>> duplicates) {
    }

    /** Numbers what it can of {@code arrivals} (newly arrived and still waiting alike) after {@code timeline}. */
    public static <T> Result<T> number(PaymentTimeline timeline, List<Arrival<T>> arrivals) {
        List<Arrival<T>> pending = new ArrayList<>(arrivals);
        pending.sort(BY_HISTORY);
        List<Numbered<T>> numbered = new ArrayList<>();
        List<Arrival<T>> waiting = new ArrayList<>();
        List<Arrival<T>> duplicates = new ArrayList<>();
        PaymentTimeline at = timeline;
        for (Arrival<T> arrival : pending) {
            if (isNumbered(at, arrival)) {
                duplicates.add(arrival);
            } else if (waiting.isEmpty() && isNext(at, arrival)) {
                at = advance(at, arrival);
                numbered.add(new Numbered<>(arrival.event(), at.lastSequence()));
            } else {
                waiting.add(arrival);
            }
        }
        return new Result<>(at, List.copyOf(numbered), List.copyOf(waiting), List.copyOf(duplicates));
    }

    private static boolean isNumbered(PaymentTimeline at, Arrival<?> arrival) {
        PaymentHistory p = arrival.position();
        return arrival.isPaymentEvent() ? p.paymentSequence() <= at.lastPaymentEvent()
                : p.refundSequence() <= at.lastRefundEvent();
    }

    private static boolean isNext(PaymentTimeline at, Arrival<?> arrival) {
        PaymentHistory p = arrival.position();
        return arrival.isPaymentEvent()
                ? p.paymentSequence() == at.lastPaymentEvent() + 1 && arrival.afterRefundEvent() <= at.lastRefundEvent()
                : p.refundSequence() == at.lastRefundEvent() + 1 && p.paymentSequence() <= at.lastPaymentEvent();
    }

    private static PaymentTimeline advance(PaymentTimeline at, Arrival<?> arrival) {
        PaymentHistory p = arrival.position();
        return arrival.isPaymentEvent()
                ? new PaymentTimeline(at.lastSequence() + 1, p.paymentSequence(), at.lastRefundEvent())
                : new PaymentTimeline(at.lastSequence() + 1, at.lastPaymentEvent(), p.refundSequence());
    }
}
