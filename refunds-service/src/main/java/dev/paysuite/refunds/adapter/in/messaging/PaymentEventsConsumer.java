package dev.paysuite.refunds.adapter.in.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.platform.inbox.EventInbox;
import dev.paysuite.platform.inbox.IncomingEvent;
import dev.paysuite.platform.inbox.UnprocessableEventException;
import dev.paysuite.refunds.application.domain.model.PaymentSnapshot;
import dev.paysuite.refunds.application.port.in.ObservePaymentUseCase;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds the local view of payments from {@code payments.events}. Our reading of payments-service's
 * schema: the envelope's {@code sequence}, {@code merchantid}, {@code livemode}; from {@code data}:
 * {@code id}, {@code currency}, {@code amount}, {@code amount_captured}, {@code status},
 * {@code payment_method_details.card.last4}. Each event is applied once; an older state never
 * overwrites a newer one. While the database is down the inbox waits (the partition pauses); an event
 * that can never be applied goes to {@code refunds.dlq.payments.events} (see {@link EventInbox}).
 */
@ApplicationScoped
public class PaymentEventsConsumer {
    static final String CONSUMER = "refunds-service:payments.events";
    static final Set<String> TYPES = Set.of("payment.created", "payment.processing", "payment.requires_action",
            "payment.requires_capture",
            "payment.succeeded", "payment.failed", "payment.canceled", "payment.refunded");

    private final EventInbox inbox;
    private final ObservePaymentUseCase observePayment;

    public PaymentEventsConsumer(EventInbox inbox, ObservePaymentUseCase observePayment) {
        this.inbox = inbox;
        this.observePayment = observePayment;
    }

    /** Blocking and ordered: one event at a time, in the order read, on a worker thread that may wait out an outage. */
    @Incoming("payments-events")
    @Blocking
    public CompletionStage<Void> onPaymentEvent(Message<String> record) {
        return inbox.consume(CONSUMER, record, TYPES, this::apply);
    }

    private void apply(IncomingEvent event) {
        JsonNode p = event.data();
        Optional<CurrencyUnit> currency = CurrencyUnit.lookup(p.path("currency").asText(null));
        if (!PaymentId.isWellFormed(p.path("id").asText(null)) || currency.isEmpty() || event.merchantId() == null
                || event.sequence() < 1) {
            throw new UnprocessableEventException("a payment event without a payment id, a known currency, "
                    + "a merchant and a sequence");
        }
        JsonNode last4 = p.path("payment_method_details").path("card").path("last4");
        observePayment.observe(new PaymentSnapshot(new PaymentId(p.get("id").asText()), event.merchantId(),
                event.livemode(), currency.get(), p.path("amount").asLong(), p.path("amount_captured").asLong(),
                p.path("status").asText(), last4.isTextual() ? last4.asText() : null, event.sequence()));
    }
}
