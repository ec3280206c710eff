package dev.paysuite.webhooks.application.port.in;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.TypedId;
import dev.paysuite.kernel.id.WebhookEndpointId;
import dev.paysuite.kernel.page.Listable;
import dev.paysuite.webhooks.application.domain.model.DeliveryAttempt;
import java.time.Instant;

/** One line of an endpoint's delivery log, with the event it carried; listed newest first. */
public record AttemptLine(DeliveryAttempt attempt, WebhookEndpointId endpointId, EventId eventId) implements Listable {

    /** An attempt's id in lists and cursors: its delivery's id and its number, {@code whdel_…_2}. */
    public record AttemptRef(String value) implements TypedId {
    }

    @Override
    public TypedId id() {
        return new AttemptRef(attempt.deliveryId().value() + "_" + attempt.number());
    }

    @Override
    public Instant createdAt() {
        return attempt.at();
    }
}
