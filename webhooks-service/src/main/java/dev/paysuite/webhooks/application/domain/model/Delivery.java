package dev.paysuite.webhooks.application.domain.model;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.WebhookEndpointId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event on its way to one endpoint. It is stored, pending and due at once, before its first
 * attempt, so a crash never loses it; each attempt's outcome is recorded with
 * {@link #recordAttempt}: a 2xx ends it as succeeded, anything else schedules the next attempt by
 * the {@link RetrySchedule} or, once the schedule has run out, ends it as failed. A delivery that
 * has ended takes no more attempts: a resend is a new delivery.
 */
public final class Delivery {
    private final DeliveryId id;
    private final WebhookEndpointId endpointId;
    private final EventId eventId;
    private final Instant createdAt;
    private final List<DeliveryAttempt> attempts;
    private DeliveryState state;
    private Instant firstAttemptAt;
    private Instant nextAttemptAt;

    /** Rebuilds a delivery as stored, with its attempts in order. */
    public Delivery(DeliveryId id, WebhookEndpointId endpointId, EventId eventId, DeliveryState state,
            List<DeliveryAttempt> attempts, Instant firstAttemptAt, Instant nextAttemptAt, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.endpointId = Objects.requireNonNull(endpointId, "endpointId");
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.state = Objects.requireNonNull(state, "state");
        this.attempts = new ArrayList<>(attempts);
        this.firstAttemptAt = firstAttemptAt;
        this.nextAttemptAt = nextAttemptAt;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        if ((state == DeliveryState.PENDING) != (nextAttemptAt != null)) {
            throw new IllegalArgumentException("a pending delivery, and only it, has a next attempt");
        }
    }

    /** A new delivery, due at {@code now}. */
    public static Delivery create(WebhookEndpointId endpointId, EventId eventId, Instant now) {
        return new Delivery(DeliveryId.generate(), endpointId, eventId, DeliveryState.PENDING, List.of(), null, now,
                now);
    }

    /**
     * Records the attempt that started at {@code at} and decides what follows. Answers the log line
     * to store. An ended delivery refuses: the caller lost a race with another worker and must not
     * count the attempt twice.
     */
    public DeliveryAttempt recordAttempt(AttemptOutcome outcome, Instant at, RetrySchedule schedule) {
        Objects.requireNonNull(outcome, "outcome");
        if (state != DeliveryState.PENDING) {
            throw new IllegalStateException("delivery " + id + " has ended (" + state.wireName() + ")");
        }
        if (firstAttemptAt == null) {
            firstAttemptAt = at;
        }
        DeliveryAttempt attempt = DeliveryAttempt.of(id, attempts.size() + 1, at, outcome);
        attempts.add(attempt);
        if (outcome.succeeded()) {
            state = DeliveryState.SUCCEEDED;
            nextAttemptAt = null;
        } else {
            Optional<Instant> next = schedule.nextAttempt(firstAttemptAt, attempts.size(), at);
            state = next.isPresent() ? DeliveryState.PENDING : DeliveryState.FAILED;
            nextAttemptAt = next.orElse(null);
        }
        return attempt;
    }

    /** Whether an attempt is due at {@code now}. */
    public boolean isDue(Instant now) {
        return state == DeliveryState.PENDING && !nextAttemptAt.isAfter(now);
    }

    public DeliveryId id() {
        return id;
    }

    public WebhookEndpointId endpointId() {
        return endpointId;
    }

    public EventId eventId() {
        return eventId;
    }

    public DeliveryState state() {
        return state;
    }

    public int attemptsMade() {
        return attempts.size();
    }

    public List<DeliveryAttempt> attempts() {
        return List.copyOf(attempts);
    }

    /** When the first attempt started; null before it. */
    public Instant firstAttemptAt() {
        return firstAttemptAt;
    }

    /** When the next attempt is due; null once the delivery has ended. */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
