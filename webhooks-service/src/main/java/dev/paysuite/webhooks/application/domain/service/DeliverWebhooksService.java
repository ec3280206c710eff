package dev.paysuite.webhooks.application.domain.service;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.webhooks.application.domain.model.AttemptOutcome;
import dev.paysuite.webhooks.application.domain.model.Delivery;
import dev.paysuite.webhooks.application.domain.model.DeliveryAttempt;
import dev.paysuite.webhooks.application.domain.model.DeliveryId;
import dev.paysuite.webhooks.application.domain.model.DeliveryState;
import dev.paysuite.webhooks.application.domain.model.DeliveryUrlPolicy;
import dev.paysuite.webhooks.application.domain.model.EndpointStatus;
import dev.paysuite.webhooks.application.domain.model.HostResolver;
import dev.paysuite.webhooks.application.domain.model.RetrySchedule;
import dev.paysuite.webhooks.application.domain.model.WebhookEndpoint;
import dev.paysuite.webhooks.application.domain.model.WebhookErrorCodes;
import dev.paysuite.webhooks.application.port.in.DeliverWebhooksUseCase;
import dev.paysuite.webhooks.application.port.out.DeliveryStore;
import dev.paysuite.webhooks.application.port.out.EndpointStore;
import dev.paysuite.webhooks.application.port.out.EventStore;
import dev.paysuite.webhooks.application.port.out.EventStore.EventRef;
import dev.paysuite.webhooks.application.port.out.RenderDeliveryBodyPort;
import dev.paysuite.webhooks.application.port.out.SendWebhookPort;
import dev.paysuite.webhooks.application.port.out.SignWebhookPort;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fan-out and attempts. An attempt is three parts: a step that reads what to send (nothing if the
 * delivery ended meanwhile), the HTTP call with no transaction open (URL checked again, addresses
 * resolved once and connected to as checked, signed with the secrets of that moment), and a step
 * that records the outcome under the delivery's lock: an outcome is recorded once, and a delivery
 * that succeeded is never attempted again. A worker that dies before recording leaves its claim to
 * run out; the next attempt happens then (at least once: receivers de-duplicate by webhook-id).
 * <p>
 * An endpoint with a dialect is sent the event as its dialect writes it, written again from the
 * stored event at every attempt (so a retry or a resend sends the same body), and only the events
 * its dialect has: the fan-out writes no delivery of the others.
 */
public class DeliverWebhooksService implements DeliverWebhooksUseCase {
    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final EventStore events;
    private final SignWebhookPort signer;
    private final SendWebhookPort sender;
    private final RenderDeliveryBodyPort renderer;
    private final DeliveryUrlPolicy policy;
    private final HostResolver resolver;
    private final RetrySchedule schedule;
    private final Transactions transactions;
    private final Clock clock;
    private final Settings settings;

    /** How claims and disabling are paced. */
    public record Settings(Duration claimFor, int perEndpoint, Duration disableAfter) {
    }

    public DeliverWebhooksService(EndpointStore endpoints, DeliveryStore deliveries, EventStore events,
            SignWebhookPort signer, SendWebhookPort sender, RenderDeliveryBodyPort renderer, DeliveryUrlPolicy policy,
            HostResolver resolver, RetrySchedule schedule, Transactions transactions, Clock clock, Settings settings) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.events = events;
        this.signer = signer;
        this.sender = sender;
        this.renderer = renderer;
        this.policy = policy;
        this.resolver = resolver;
        this.schedule = schedule;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public int fanOut(int batch) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            List<EventRef> due = events.lockNotFannedOut(batch);
            Map<String, List<WebhookEndpoint>> byMerchant = new HashMap<>();
            List<EventId> done = new ArrayList<>(due.size());
            for (EventRef event : due) {
                List<WebhookEndpoint> candidates = byMerchant.computeIfAbsent(
                        event.merchantId() + "/" + event.livemode(),
                        k -> endpoints.enabledOf(event.merchantId(), event.livemode()));
                Map<String, Boolean> sentInDialect = new HashMap<>();
                for (WebhookEndpoint endpoint : candidates) {
                    // asked once per dialect and event, however many of the merchant's endpoints speak it
                    if (endpoint.receives(event.type()) && (endpoint.dialect().isEmpty() || sentInDialect
                            .computeIfAbsent(endpoint.dialect().get(), d -> sends(endpoint, event.id(), events,
                                    renderer)))) {
                        deliveries.insert(Delivery.create(endpoint.id(), event.id(), now));
                    }
                }
                done.add(event.id());
            }
            events.markFannedOut(done);
            return due.size();
        });
    }

    @Override
    public List<Claimed> claimDue(int max) {
        if (max <= 0) {
            return List.of();
        }
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            return deliveries.claimDue(now, now.plus(settings.claimFor()), settings.perEndpoint(), max);
        });
    }

    @Override
    public void attempt(DeliveryId id) {
        Optional<ToSend> prepared = transactions.inTransaction(() -> prepare(id));
        if (prepared.isEmpty()) {
            return;
        }
        ToSend s = prepared.get();
        Instant at = clock.instant();
        AttemptOutcome outcome;
        try {
            if (s.body() == null) {
                throw new DomainException(DomainException.Kind.UNPROCESSABLE, "event_unavailable",
                        "the event is no longer stored", null);
            }
            String body = written(s.endpoint(), s.body());
            List<InetAddress> addresses = policy.check(s.endpoint().url(), resolver);
            Map<String, String> headers = signer.headers(s.endpoint().signingSecrets(at),
                    s.delivery().eventId().value(), at, body);
            outcome = sender.post(s.endpoint().url(), addresses, headers, body);
        } catch (DomainException refused) {
            outcome = AttemptOutcome.failed(refused.getMessage().replace("{", "").replace("}", ""),
                    Duration.between(at, clock.instant()));
        }
        AttemptOutcome result = outcome;
        transactions.inTransaction(() -> record(id, result, at));
    }

    /**
     * Whether the endpoint is sent the event: always in the canonical API; in a dialect, when the
     * dialect has an event for it (or fails to write it: the attempts say so).
     */
    static boolean sends(WebhookEndpoint endpoint, EventId event, EventStore events, RenderDeliveryBodyPort renderer) {
        return endpoint.dialect()
                .map(dialect -> events.body(event).map(body -> renderer.sends(dialect, body)).orElse(true))
                .orElse(true);
    }

    /** The body the endpoint is sent: the canonical event, or the event as the endpoint's dialect writes it. */
    private String written(WebhookEndpoint endpoint, String canonical) {
        Optional<String> dialect = endpoint.dialect();
        if (dialect.isEmpty()) {
            return canonical;
        }
        return renderer.render(dialect.get(), canonical).orElseThrow(() -> notInDialect(dialect.get()));
    }

    private static DomainException notInDialect(String dialect) {
        return new DomainException(DomainException.Kind.UNPROCESSABLE, WebhookErrorCodes.EVENT_NOT_IN_DIALECT,
                "the endpoint's dialect (" + dialect + ") has no event for this one", null);
    }

    private Optional<ToSend> prepare(DeliveryId id) {
        Optional<Delivery> delivery = deliveries.load(id);
        if (delivery.isEmpty() || delivery.get().state() != DeliveryState.PENDING) {
            return Optional.empty();
        }
        Delivery d = delivery.get();
        Optional<WebhookEndpoint> endpoint = endpoints.byId(d.endpointId());
        if (endpoint.isEmpty() || endpoint.get().status() != EndpointStatus.ENABLED) {
            // deleted or disabled meanwhile: its pending deliveries end (enabling it again redelivers nothing)
            deliveries.endPending(d.endpointId());
            return Optional.empty();
        }
        // an event no longer stored (past retention) cannot be sent: the attempt fails, the schedule runs out
        return Optional.of(new ToSend(d, endpoint.get(), events.body(d.eventId()).orElse(null)));
    }

    private void record(DeliveryId id, AttemptOutcome outcome, Instant at) {
        Optional<Delivery> seen = deliveries.load(id);
        if (seen.isEmpty() || seen.get().state() != DeliveryState.PENDING) {
            return;
        }
        // The endpoint before its delivery, in the order an endpoint's update or deletion locks them
        // (the endpoint, then its deliveries): the other order deadlocks with them.
        Optional<WebhookEndpoint> endpointLocked = endpoints.lockById(seen.get().endpointId());
        Optional<Delivery> locked = deliveries.lock(id);
        if (locked.isEmpty() || locked.get().state() != DeliveryState.PENDING) {
            return; // ended meanwhile (endpoint disabled or deleted): the attempt is not counted
        }
        Delivery d = locked.get();
        DeliveryAttempt attempt = d.recordAttempt(outcome, at, schedule);
        deliveries.recordAttempt(d, attempt);
        endpointLocked.ifPresent(endpoint -> {
            Instant now = clock.instant();
            endpoint.recordOutcome(attempt.succeeded(), at);
            if (endpoint.shouldDisable(now, settings.disableAfter())) {
                endpoint.disable(now);
                deliveries.endPending(endpoint.id());
                events.appendEndpointDisabled(endpoint, now);
            }
            endpoints.update(endpoint);
        });
    }

    private record ToSend(Delivery delivery, WebhookEndpoint endpoint, String body) {
    }
}
