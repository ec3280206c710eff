package dev.paysuite.webhooks.application.port.out;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.WebhookEndpointId;
import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.webhooks.application.domain.model.WebhookEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The events table as deliveries see it: only visible events (with a position). */
public interface EventStore {

    /** What deliveries need of an event. */
    record EventRef(EventId id, String merchantId, boolean livemode, String type) {
    }

    /** Locks up to {@code limit} visible events not fanned out yet, in position order (skipping locked ones). */
    @ChangesState
    List<EventRef> lockNotFannedOut(int limit);

    @ChangesState
    void markFannedOut(List<EventId> ids);

    Optional<EventRef> visible(String merchantId, boolean livemode, EventId id);

    /**
     * Visible, fanned-out events of the merchant since {@code since} (inclusive) with no succeeded or
     * pending delivery to the endpoint, oldest first (fan-out itself delivers those not fanned out yet),
     * key-share locked so the retention job cannot purge one before its delivery references it.
     */
    List<EventRef> undeliveredSince(String merchantId, boolean livemode, Instant since, WebhookEndpointId endpointId,
            int max);

    /** The Event JSON a webhook carries, {@code data} embedded. */
    Optional<String> body(EventId id);

    /** Appends {@code endpoint.disabled} about the endpoint (visible at once: it takes the next position). */
    @ChangesState
    EventId appendEndpointDisabled(WebhookEndpoint endpoint, Instant at);
}
