package dev.paysuite.webhooks.application.port.out;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.WebhookEndpointId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.webhooks.application.domain.model.Delivery;
import dev.paysuite.webhooks.application.domain.model.DeliveryAttempt;
import dev.paysuite.webhooks.application.domain.model.DeliveryId;
import dev.paysuite.webhooks.application.port.in.AttemptLine;
import dev.paysuite.webhooks.application.port.in.DeliverWebhooksUseCase.Claimed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Deliveries (written before they are attempted) and their attempts. */
public interface DeliveryStore {
    @ChangesState
    void insert(Delivery delivery);

    /**
     * Deletes at most {@code limit} ended deliveries (succeeded or failed) created before
     * {@code createdBefore}, with their attempts; @return how many deliveries. Pending ones stay.
     */
    @ChangesState
    int deleteEnded(Instant createdBefore, int limit);

    /**
     * Claims due deliveries of enabled endpoints until {@code claimUntil}, skipping rows another
     * worker holds, at most {@code perEndpoint} claimed at once per endpoint, {@code max} in all.
     */
    @ChangesState
    List<Claimed> claimDue(Instant now, Instant claimUntil, int perEndpoint, int max);

    /** A delivery with its attempts. */
    Optional<Delivery> load(DeliveryId id);

    @ChangesState
    Optional<Delivery> lock(DeliveryId id);

    /** Stores the delivery's new state and the attempt it just made, and lets go of its claim. */
    @ChangesState
    void recordAttempt(Delivery delivery, DeliveryAttempt attempt);

    /** Ends every pending delivery of an endpoint (disabled or deleted: enabling it again redelivers nothing). */
    @ChangesState
    int endPending(WebhookEndpointId endpointId);

    Slice<AttemptLine> attempts(WebhookEndpointId endpointId, EventId eventId, PageRequest page);

    long countAttempts(WebhookEndpointId endpointId, EventId eventId);

    Optional<AttemptLine> attempt(WebhookEndpointId endpointId, String attemptId);
}
