package dev.paysuite.refunds.adapter.in.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.platform.inbox.EventInbox;
import dev.paysuite.platform.inbox.IncomingEvent;
import dev.paysuite.platform.inbox.UnprocessableEventException;
import dev.paysuite.refunds.application.domain.model.DisputeSnapshot;
import dev.paysuite.refunds.application.domain.model.PaymentSnapshot;
import dev.paysuite.refunds.application.port.in.ObserveDisputeUseCase;
import dev.paysuite.refunds.application.port.in.ObservePaymentUseCase;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Builds the local view of payments from {@code payments.events}. Our reading of payments-service's
 * schema: the envelope's {@code sequence}, {@code merchantid}, {@code livemode}; from a payment
 * event's {@code data}: {@code id}, {@code currency}, {@code amount}, {@code amount_captured},
 * {@code amount_disputed} (absent: the view keeps what it knew), {@code status},
 * {@code payment_method_details.card.last4}; from a dispute event's {@code data} (the dispute):
 * {@code payment_id}, {@code amount}, {@code currency}, {@code status}. Dispute events are numbered
 * in their payment's {@code sequence} and come after its first events on the same partition (key =
 * the payment id). Each event is applied once; an older state never overwrites a newer one. While the
 * database is down the inbox waits (the partition pauses); an event that can never be applied goes to
 * {@code refunds.dlq.payments.events} (see {@link EventInbox}).
 */
@ApplicationScoped
public class PaymentEventsConsumer {
    static final String CONSUMER = "refunds-service:payments.events";
    static final Set<String> PAYMENT_TYPES = Set.of("payment.created", "payment.processing",
            "payment.requires_action", "payment.requires_capture",
            "payment.succeeded", "payment.failed", "payment.canceled", "payment.refunded");
    static final Set<String> DISPUTE_TYPES = Set.of("dispute.created", "dispute.updated", "dispute.closed");
    static final Set<String> TYPES = union(PAYMENT_TYPES, DISPUTE_TYPES);

    private final EventInbox inbox;
    private final ObservePaymentUseCase observePayment;
    private final ObserveDisputeUseCase observeDispute;

    public PaymentEventsConsumer(EventInbox inbox, ObservePaymentUseCase observePayment,
            ObserveDisputeUseCase observeDispute) {
        this.inbox = inbox;
        this.observePayment = observePayment;
        this.observeDispute = observeDispute;
    }

    /**
     * Blocking and ordered: a polled batch at a time, in the order read, in one transaction (one record
     * at a time again if that fails), on a worker thread that may wait out an outage.
     */
    @Incoming("payments-events")
    @Blocking
    public CompletionStage<Void> onPaymentEvents(KafkaRecordBatch<String, String> records) {
        return inbox.consumeBatch(CONSUMER, records, TYPES, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (DISPUTE_TYPES.contains(event.type())) {
            applyDispute(event);
        } else {
            applyPayment(event);
        }
    }

    private void applyPayment(IncomingEvent event) {
        JsonNode p = event.data();
        Optional<CurrencyUnit> currency = CurrencyUnit.lookup(p.path("currency").asText(null));
        if (!PaymentId.isWellFormed(p.path("id").asText(null)) || currency.isEmpty() || event.merchantId() == null
                || event.sequence() < 1) {
            throw new UnprocessableEventException("a payment event without a payment id, a known currency, "
                    + "a merchant and a sequence");
        }
        JsonNode disputed = p.path("amount_disputed");
        OptionalLong amountDisputed = OptionalLong.empty();
        if (!disputed.isMissingNode() && !disputed.isNull()) {
            if (!isAmount(disputed)) {
                throw new UnprocessableEventException("a payment event whose amount_disputed is not an amount");
            }
            amountDisputed = OptionalLong.of(disputed.asLong());
        }
        JsonNode last4 = p.path("payment_method_details").path("card").path("last4");
        observePayment.observe(new PaymentSnapshot(new PaymentId(p.get("id").asText()), event.merchantId(),
                event.livemode(), currency.get(), p.path("amount").asLong(), p.path("amount_captured").asLong(),
                p.path("status").asText(), last4.isTextual() ? last4.asText() : null, event.sequence()),
                amountDisputed);
    }

    private void applyDispute(IncomingEvent event) {
        JsonNode d = event.data();
        Optional<CurrencyUnit> currency = CurrencyUnit.lookup(d.path("currency").asText(null));
        String status = d.path("status").asText(null);
        if (!PaymentId.isWellFormed(d.path("payment_id").asText(null)) || currency.isEmpty()
                || event.merchantId() == null || event.sequence() < 1 || !isAmount(d.path("amount"))
                || !DisputeSnapshot.STATUSES.contains(status)) {
            throw new UnprocessableEventException("a dispute event without a payment id, a known currency, "
                    + "a merchant, a sequence, an amount of 0 or more and a known status");
        }
        ObserveDisputeUseCase.Outcome outcome = observeDispute.observe(new DisputeSnapshot(
                new PaymentId(d.get("payment_id").asText()), event.merchantId(), event.livemode(), currency.get(),
                d.get("amount").asLong(), status, event.sequence()));
        if (outcome == ObserveDisputeUseCase.Outcome.PAYMENT_UNKNOWN) {
            // The payment's own events precede its dispute's on the same partition: this one cannot be
            // applied, now or later (replayed from the dead-letter topic once the payment is known, it can).
            throw new UnprocessableEventException("a dispute event for a payment this view has never seen");
        }
        if (outcome == ObserveDisputeUseCase.Outcome.NOT_THE_PAYMENTS) {
            throw new UnprocessableEventException("a dispute event whose merchant, mode or currency is not its "
                    + "payment's");
        }
    }

    /** A whole number of minor units, 0 or more. */
    private static boolean isAmount(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
