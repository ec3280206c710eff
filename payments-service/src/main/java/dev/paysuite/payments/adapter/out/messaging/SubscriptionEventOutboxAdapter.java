package dev.paysuite.payments.adapter.out.messaging;

import dev.paysuite.payments.adapter.json.SubscriptionJson;
import dev.paysuite.payments.application.domain.model.Subscription;
import dev.paysuite.payments.application.domain.model.SubscriptionEvent;
import dev.paysuite.payments.application.port.out.PublishSubscriptionEventPort;
import dev.paysuite.platform.outbox.OutboxMessage;
import dev.paysuite.platform.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * Writes subscription events to the outbox in the caller's transaction, for {@code payments.events}
 * (keyed by subscription id, so one subscription's events stay in order), as payment events are.
 */
@ApplicationScoped
public class SubscriptionEventOutboxAdapter implements PublishSubscriptionEventPort {
    private final OutboxWriter outbox;

    public SubscriptionEventOutboxAdapter(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(List<SubscriptionEvent> events) {
        for (SubscriptionEvent event : events) {
            Subscription s = event.subscription();
            outbox.append(new OutboxMessage(event.id(), PaymentEventOutboxAdapter.TOPIC, s.id().value(), event.type(),
                    PaymentEventOutboxAdapter.SOURCE, s.id().value(), s.updatedAt(), s.eventSequence(), s.merchantId(),
                    s.livemode(), SubscriptionJson.of(s), Map.of()));
        }
    }
}
