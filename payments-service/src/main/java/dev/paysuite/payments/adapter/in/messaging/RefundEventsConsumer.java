package dev.paysuite.payments.adapter.in.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.in.RecordRefundCommand;
import dev.paysuite.payments.application.port.in.RecordRefundUseCase;
import dev.paysuite.platform.inbox.EventInbox;
import dev.paysuite.platform.inbox.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each payment's refunded amount in step with refunds-service, from {@code refunds.events}.
 * Our reading of refunds-service's schema: {@code refund.succeeded} with data {@code id},
 * {@code payment_id}, {@code amount}, {@code currency}; the envelope's {@code merchantid} and
 * {@code livemode}. Each event is applied once (replays and redeliveries change nothing). While the
 * database is down the inbox waits (the partition pauses); a refund that does not fit its payment, which
 * no retry will change, goes to {@code payments.dlq.refunds.events} (see {@link EventInbox}).
 */
@ApplicationScoped
public class RefundEventsConsumer {
    static final String CONSUMER = "payments-service:refunds.events";
    static final Set<String> TYPES = Set.of("refund.succeeded");

    private final EventInbox inbox;
    private final RecordRefundUseCase recordRefund;

    public RefundEventsConsumer(EventInbox inbox, RecordRefundUseCase recordRefund) {
        this.inbox = inbox;
        this.recordRefund = recordRefund;
    }

    /**
     * Blocking and ordered: a polled batch at a time, in the order read, in one transaction (one record
     * at a time again if that fails), on a worker thread that may wait out an outage.
     */
    @Incoming("refunds-events")
    @Blocking
    public CompletionStage<Void> onRefundEvents(KafkaRecordBatch<String, String> records) {
        return inbox.consumeBatch(CONSUMER, records, TYPES, this::apply);
    }

    private void apply(IncomingEvent event) {
        JsonNode refund = event.data();
        // A refund that does not fit this payment throws a DomainException or IllegalArgumentException:
        // the inbox sends it to the dead-letter topic, where it stays visible.
        recordRefund.recordRefund(new RecordRefundCommand(
                new PaymentRef(event.merchantId(), event.livemode(), refund.path("payment_id").asText()),
                refund.path("id").asText(), Money.of(refund.path("amount").asLong(), refund.path("currency").asText()),
                Math.max(0, event.sequence())));
    }
}
