package dev.paysuite.payments.adapter.in.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.in.RecordRefundCommand;
import dev.paysuite.payments.application.port.in.RecordRefundUseCase;
import dev.paysuite.platform.inbox.EventInbox;
import dev.paysuite.platform.inbox.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps each payment's refunded amount in step with refunds-service, from {@code refunds.events}.
 * Our reading of refunds-service's schema: {@code refund.succeeded} with data {@code id},
 * {@code payment_id}, {@code amount}, {@code currency}; the envelope's {@code merchantid} and
 * {@code livemode}. Each event is applied once (replays and redeliveries change nothing).
 */
@ApplicationScoped
public class RefundEventsConsumer {
    static final String CONSUMER = "payments-service:refunds.events";
    static final Set<String> TYPES = Set.of("refund.succeeded");
    private static final Logger LOG = Logger.getLogger(RefundEventsConsumer.class);

    private final EventInbox inbox;
    private final RecordRefundUseCase recordRefund;

    public RefundEventsConsumer(EventInbox inbox, RecordRefundUseCase recordRefund) {
        this.inbox = inbox;
        this.recordRefund = recordRefund;
    }

    @Incoming("refunds-events")
    @Blocking
    public void onRefundEvent(String record) {
        inbox.apply(CONSUMER, record, TYPES, this::apply);
    }

    private void apply(IncomingEvent event) {
        JsonNode refund = event.data();
        try {
            recordRefund.recordRefund(new RecordRefundCommand(
                    new PaymentRef(event.merchantId(), event.livemode(), refund.path("payment_id").asText()),
                    refund.path("id").asText(), Money.of(refund.path("amount").asLong(), refund.path("currency").asText())));
        } catch (DomainException | IllegalArgumentException e) {
            // The refund does not fit this payment; retrying will not change that. Keep it visible.
            LOG.errorf("Refund %s (event %s) not applied to payment %s: %s", refund.path("id").asText(), event.id(),
                    refund.path("payment_id").asText(), e.getMessage());
        }
    }
}
