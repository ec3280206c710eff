package dev.paysuite.methods.adapter.out.messaging;

import dev.paysuite.methods.adapter.json.CustomerJson;
import dev.paysuite.methods.adapter.json.PaymentMethodJson;
import dev.paysuite.methods.application.domain.model.Customer;
import dev.paysuite.methods.application.domain.model.MethodEvent;
import dev.paysuite.methods.application.domain.model.PaymentMethod;
import dev.paysuite.methods.application.port.out.PublishMethodEventPort;
import dev.paysuite.methods.application.port.out.VaultPort;
import dev.paysuite.platform.outbox.OutboxMessage;
import dev.paysuite.platform.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * Writes customer and method events to the outbox in the caller's transaction; the platform relay
 * publishes them to {@link #TOPIC} as CloudEvents, keyed by customer id, so one customer's events
 * stay in order. Never card or account data: the data is the public representation.
 */
@ApplicationScoped
public class MethodEventOutboxAdapter implements PublishMethodEventPort {
    public static final String TOPIC = "methods.events";
    public static final String SOURCE = "/paysuite/methods-service";
    private final OutboxWriter outbox;
    private final VaultPort vault;

    public MethodEventOutboxAdapter(OutboxWriter outbox, VaultPort vault) {
        this.outbox = outbox;
        this.vault = vault;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(List<MethodEvent> events) {
        for (MethodEvent event : events) {
            if (event.subject() instanceof Customer c) {
                outbox.append(new OutboxMessage(event.id().value(), TOPIC, c.id().value(), event.type(), SOURCE, c.id().value(),
                        event.occurredAt(), 0, c.merchantId(), c.livemode(), CustomerJson.of(c), Map.of()));
            } else if (event.subject() instanceof PaymentMethod m) {
                String fingerprint = m.secretHash() == null ? null : vault.fingerprint(m.merchantId(), m.secretHash());
                String key = m.customerId() != null ? m.customerId().value() : m.id().value();
                outbox.append(new OutboxMessage(event.id().value(), TOPIC, key, event.type(), SOURCE, m.id().value(),
                        event.occurredAt(), 0, m.merchantId(), m.livemode(), PaymentMethodJson.of(m, fingerprint, true),
                        Map.of()));
            } else {
                throw new IllegalArgumentException("No representation for the subject of " + event.type());
            }
        }
    }
}
