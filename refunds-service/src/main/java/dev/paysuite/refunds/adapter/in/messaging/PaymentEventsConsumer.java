package dev.paysuite.refunds.adapter.in.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.platform.inbox.EventInbox;
import dev.paysuite.platform.inbox.IncomingEvent;
import dev.paysuite.refunds.application.domain.model.PaymentSnapshot;
import dev.paysuite.refunds.application.port.in.ObservePaymentUseCase;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Builds the local view of payments from {@code payments.events}. Our reading of payments-service's
 * schema: the envelope's {@code sequence}, {@code merchantid}, {@code livemode}; from {@code data}:
 * {@code id}, {@code currency}, {@code amount}, {@code amount_captured}, {@code status},
 * {@code payment_method_details.card.last4}. Each event is applied once; an older state never
 * overwrites a newer one.
 */
@ApplicationScoped
public class PaymentEventsConsumer {
    static final String CONSUMER = "refunds-service:payments.events";
    static final Set<String> TYPES = Set.of("payment.created", "payment.processing", "payment.requires_action",
            "payment.requires_capture",
            "payment.succeeded", "payment.failed", "payment.canceled", "payment.refunded");
    private static final Logger LOG = Logger.getLogger(PaymentEventsConsumer.class);

    private final EventInbox inbox;
    private final ObservePaymentUseCase observePayment;

    public PaymentEventsConsumer(EventInbox inbox, ObservePaymentUseCase observePayment) {
        this.inbox = inbox;
        this.observePayment = observePayment;
    }

    @Incoming("payments-events")
    @Blocking
    public void onPaymentEvent(String record) {
        inbox.apply(CONSUMER, record, TYPES, this::apply);
    }

    private void apply(IncomingEvent event) {
        JsonNode p = event.data();
        Optional<CurrencyUnit> currency = CurrencyUnit.lookup(p.path("currency").asText(null));
        if (!p.hasNonNull("id") || currency.isEmpty() || event.merchantId() == null || event.sequence() < 1) {
            LOG.errorf("Payment event %s lacks what a refund needs to know; skipped", event.id());
            return;
        }
        JsonNode last4 = p.path("payment_method_details").path("card").path("last4");
        observePayment.observe(new PaymentSnapshot(new PaymentId(p.get("id").asText()), event.merchantId(),
                event.livemode(), currency.get(), p.path("amount").asLong(), p.path("amount_captured").asLong(),
                p.path("status").asText(), last4.isTextual() ? last4.asText() : null, event.sequence()));
    }
}
