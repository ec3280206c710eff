package dev.paysuite.webhooks.application.port.in;

import dev.paysuite.kernel.id.WebhookEndpointId;
import dev.paysuite.webhooks.application.domain.model.DeliveryId;
import java.util.List;

/** The background work: deliveries written for new events, then attempted until they land or the schedule runs out. */
public interface DeliverWebhooksUseCase {

    /**
     * A delivery this worker holds until its claim runs out.
     *
     * @param traceContext where the event came from, for tracing only: an opaque W3C {@code traceparent}
     *     the worker continues (null when none was kept)
     */
    record Claimed(DeliveryId id, WebhookEndpointId endpointId, String traceContext) {
        public Claimed(DeliveryId id, WebhookEndpointId endpointId) {
            this(id, endpointId, null);
        }
    }

    /** Writes the deliveries of up to {@code batch} visible events not fanned out yet, in position order; answers how many events. */
    int fanOut(int batch);

    /** Claims up to {@code max} due deliveries, no more in flight per endpoint than configured. */
    List<Claimed> claimDue(int max);

    /** Makes one attempt of a claimed delivery and records it (nothing when it has ended meanwhile). */
    void attempt(DeliveryId id);
}
