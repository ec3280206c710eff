package dev.paysuite.webhooks.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.WebhookEndpointId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.kernel.testing.InlineTransactions;
import dev.paysuite.webhooks.application.domain.model.AttemptOutcome;
import dev.paysuite.webhooks.application.domain.model.Delivery;
import dev.paysuite.webhooks.application.domain.model.DeliveryAttempt;
import dev.paysuite.webhooks.application.domain.model.DeliveryId;
import dev.paysuite.webhooks.application.domain.model.DeliveryState;
import dev.paysuite.webhooks.application.domain.model.DeliveryUrl;
import dev.paysuite.webhooks.application.domain.model.DeliveryUrlPolicy;
import dev.paysuite.webhooks.application.domain.model.EnabledEvents;
import dev.paysuite.webhooks.application.domain.model.EndpointStatus;
import dev.paysuite.webhooks.application.domain.model.RetrySchedule;
import dev.paysuite.webhooks.application.domain.model.SigningSecret;
import dev.paysuite.webhooks.application.domain.model.WebhookEndpoint;
import dev.paysuite.webhooks.application.port.in.AttemptLine;
import dev.paysuite.webhooks.application.port.in.DeliverWebhooksUseCase.Claimed;
import dev.paysuite.webhooks.application.port.out.DeliveryStore;
import dev.paysuite.webhooks.application.port.out.EndpointStore;
import dev.paysuite.webhooks.application.port.out.EventStore;
import dev.paysuite.webhooks.application.port.out.RenderDeliveryBodyPort;
import dev.paysuite.webhooks.application.port.out.SendWebhookPort;
import dev.paysuite.webhooks.application.port.out.SignWebhookPort;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The delivery use cases with in-memory ports: what is sent, what is recorded, and in which step. */
class DeliverWebhooksServiceTest {
    static final String MERCHANT = "mer_1";

    final InlineTransactions tx = new InlineTransactions();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    final FakeEndpoints endpointStore = new FakeEndpoints();
    final FakeDeliveries deliveryStore = new FakeDeliveries();
    final FakeEvents eventStore = new FakeEvents();
    final List<String> sent = new ArrayList<>();
    final List<String> sentBodies = new ArrayList<>();
    final List<AttemptOutcome> answers = new ArrayList<>();
    List<InetAddress> resolved;
    Runnable duringSend = () -> { };

    final SendWebhookPort sender = (url, addresses, headers, body) -> {
        assertFalse(tx.inStep(), "no transaction is open across a call to a receiver");
        assertEquals(resolved, addresses, "the connection goes to the addresses that were checked");
        sent.add(headers.get("webhook-id"));
        sentBodies.add(body);
        assertEquals("signed " + body, headers.get("webhook-signed"), "the body sent is the body signed");
        duringSend.run();
        return answers.isEmpty() ? AttemptOutcome.answered(200, Duration.ofMillis(5)) : answers.remove(0);
    };
    final SignWebhookPort signer = (secrets, id, at, body) -> Map.of("webhook-id", id, "webhook-signature",
            secrets.size() + " secrets", "webhook-signed", "signed " + body);
    /** A dialect with an event for payment.succeeded only, which fails to write refund.failed. */
    final RenderDeliveryBodyPort renderer = new FakeDialect();

    final DeliverWebhooksService service = new DeliverWebhooksService(
            tx.guard(EndpointStore.class, endpointStore), tx.guard(DeliveryStore.class, deliveryStore),
            tx.guard(EventStore.class, eventStore), signer, sender, renderer, new DeliveryUrlPolicy(Set.of()),
            host -> resolved, new RetrySchedule(List.of(Duration.ofSeconds(5)), Duration.ofMinutes(1),
                    Duration.ofDays(3), 0, () -> 0.5),
            tx, clock, new DeliverWebhooksService.Settings(Duration.ofSeconds(45), 4, Duration.ofDays(5)));

    WebhookEndpoint endpoint(List<String> types) throws Exception {
        return endpoint(types, null);
    }

    WebhookEndpoint endpoint(List<String> types, String dialect) throws Exception {
        resolved = List.of(InetAddress.getByName("203.0.113.7"));
        WebhookEndpoint e = WebhookEndpoint.create(MERCHANT, false, DeliveryUrl.parse("https://hooks.example.com/in"),
                EnabledEvents.of(types), null, dialect, SigningSecret.generate(), clock.instant());
        endpointStore.rows.put(e.id(), e);
        return e;
    }

    Delivery pending(WebhookEndpoint e, String type) {
        EventId event = eventStore.add(MERCHANT, type);
        Delivery d = Delivery.create(e.id(), event, clock.instant());
        deliveryStore.rows.put(d.id(), d);
        return d;
    }

    @Test
    void theFanOutWritesADeliveryForEveryEnabledSubscribedEndpointThenMarksTheEvents() throws Exception {
        WebhookEndpoint all = endpoint(List.of("*"));
        WebhookEndpoint payments = endpoint(List.of("payment.succeeded"));
        WebhookEndpoint refunds = endpoint(List.of("refund.succeeded"));
        WebhookEndpoint off = endpoint(List.of("*"));
        off.disable(clock.instant());
        EventId event = eventStore.add(MERCHANT, "payment.succeeded");

        assertEquals(1, service.fanOut(10));
        assertEquals(Set.of(all.id(), payments.id()), Set.copyOf(deliveryStore.rows.values().stream()
                .map(Delivery::endpointId).toList()));
        assertTrue(deliveryStore.rows.values().stream().allMatch(d -> d.isDue(clock.instant())));
        assertEquals(List.of(event), eventStore.fannedOut);
        assertFalse(deliveryStore.rows.values().stream().anyMatch(d -> d.endpointId().equals(refunds.id())));
        assertEquals(0, service.fanOut(10));
    }

    @Test
    void aSuccessIsRecordedOnceAndTheDeliveryIsNeverAttemptedAgain() throws Exception {
        WebhookEndpoint e = endpoint(List.of("*"));
        Delivery d = pending(e, "payment.succeeded");
        service.attempt(d.id());
        service.attempt(d.id());
        assertEquals(List.of(d.eventId().value()), sent);
        assertEquals(DeliveryState.SUCCEEDED, deliveryStore.rows.get(d.id()).state());
        assertEquals(1, deliveryStore.attempts.size());
        assertNull(deliveryStore.claims.get(d.id()), "the claim is let go with the recorded outcome");
    }

    @Test
    void aNameThatNowResolvesToAPrivateAddressIsNotSentToAndTheAttemptFails() throws Exception {
        WebhookEndpoint e = endpoint(List.of("*"));
        Delivery d = pending(e, "payment.succeeded");
        resolved = List.of(InetAddress.getByName("10.0.0.7"));
        service.attempt(d.id());
        assertTrue(sent.isEmpty());
        DeliveryAttempt attempt = deliveryStore.attempts.get(0);
        assertNull(attempt.statusCode());
        assertTrue(attempt.error().startsWith("url points at a loopback, private"), attempt.error());
        Delivery after = deliveryStore.rows.get(d.id());
        assertEquals(DeliveryState.PENDING, after.state());
        assertEquals(clock.instant().plusSeconds(5), after.nextAttemptAt());
    }

    @Test
    void aDeliveryThatEndedWhileItWasBeingSentRecordsNothing() throws Exception {
        WebhookEndpoint e = endpoint(List.of("*"));
        Delivery d = pending(e, "payment.succeeded");
        duringSend = () -> deliveryStore.endPending(e.id());
        service.attempt(d.id());
        assertEquals(1, sent.size());
        assertTrue(deliveryStore.attempts.isEmpty());
        assertEquals(DeliveryState.FAILED, deliveryStore.rows.get(d.id()).state());
    }

    @Test
    void aDisabledEndpointsDeliveriesEndWithoutAnAttempt() throws Exception {
        WebhookEndpoint e = endpoint(List.of("*"));
        Delivery d = pending(e, "payment.succeeded");
        e.disable(clock.instant());
        service.attempt(d.id());
        assertTrue(sent.isEmpty());
        assertEquals(DeliveryState.FAILED, deliveryStore.rows.get(d.id()).state());
    }

    @Test
    void anEndpointFailingForDisableAfterIsDisabledItsDeliveriesEndAndAnEventSaysSo() throws Exception {
        WebhookEndpoint e = endpoint(List.of("*"));
        Delivery first = pending(e, "payment.succeeded");
        Delivery second = pending(e, "payment.failed");
        answers.add(AttemptOutcome.answered(500, Duration.ofMillis(3)));
        service.attempt(first.id());
        assertEquals(EndpointStatus.ENABLED, endpointStore.rows.get(e.id()).status());

        clock.advance(Duration.ofDays(5));
        answers.add(AttemptOutcome.failed("connection refused", Duration.ofMillis(1)));
        service.attempt(second.id());
        WebhookEndpoint after = endpointStore.rows.get(e.id());
        assertEquals(EndpointStatus.DISABLED, after.status());
        assertEquals(List.of(e.id()), eventStore.disabled);
        assertEquals(DeliveryState.FAILED, deliveryStore.rows.get(first.id()).state());
        assertEquals(DeliveryState.FAILED, deliveryStore.rows.get(second.id()).state());
    }

    @Test
    void anEventNoLongerStoredFailsTheAttemptWithoutSending() throws Exception {
        WebhookEndpoint e = endpoint(List.of("*"));
        Delivery d = pending(e, "payment.succeeded");
        eventStore.bodies.remove(d.eventId());
        service.attempt(d.id());
        assertTrue(sent.isEmpty());
        assertEquals("the event is no longer stored", deliveryStore.attempts.get(0).error());
    }

    /** An endpoint subscribed to chargeback.created is given the dispute.created events (once, beside dispute.created). */
    @Test
    void anEndpointSubscribedToChargebackCreatedIsGivenTheDisputeCreatedEvents() throws Exception {
        WebhookEndpoint chargebacks = endpoint(List.of("chargeback.created"));
        WebhookEndpoint both = endpoint(List.of("chargeback.created", "dispute.created"));
        WebhookEndpoint closed = endpoint(List.of("dispute.closed"));
        EventId created = eventStore.add(MERCHANT, "dispute.created");
        EventId updated = eventStore.add(MERCHANT, "dispute.updated");
        EventId closing = eventStore.add(MERCHANT, "dispute.closed");

        assertEquals(3, service.fanOut(10));
        assertEquals(Set.of(chargebacks.id() + " " + created, both.id() + " " + created, closed.id() + " " + closing),
                Set.copyOf(deliveryStore.rows.values().stream().map(d -> d.endpointId() + " " + d.eventId()).toList()));
        assertEquals(3, deliveryStore.rows.size(), "one delivery per endpoint, whatever names it subscribes under");
        assertFalse(deliveryStore.rows.values().stream().anyMatch(d -> d.eventId().equals(updated)));

        for (Delivery d : List.copyOf(deliveryStore.rows.values())) {
            service.attempt(d.id());
        }
        assertTrue(sentBodies.contains(eventStore.bodies.get(created)),
                "the canonical event is sent as it is: its type stays dispute.created");
        assertTrue(eventStore.bodies.get(created).contains("\"type\":\"dispute.created\""));
    }

    @Test
    void aDialectEndpointIsGivenDeliveriesOfTheEventsItsDialectHasOnly() throws Exception {
        WebhookEndpoint canonical = endpoint(List.of("*"));
        WebhookEndpoint dialect = endpoint(List.of("*"), FakeDialect.NAME);
        EventId succeeded = eventStore.add(MERCHANT, "payment.succeeded");
        EventId created = eventStore.add(MERCHANT, "payment.created");

        assertEquals(2, service.fanOut(10));
        assertEquals(Set.of(canonical.id() + " " + succeeded, canonical.id() + " " + created,
                dialect.id() + " " + succeeded), Set.copyOf(deliveryStore.rows.values().stream()
                        .map(d -> d.endpointId() + " " + d.eventId()).toList()));
    }

    @Test
    void aDialectEndpointIsSentTheEventAsItsDialectWritesItSignedAndACanonicalOneTheEventItself() throws Exception {
        WebhookEndpoint canonical = endpoint(List.of("*"));
        WebhookEndpoint dialect = endpoint(List.of("*"), FakeDialect.NAME);
        EventId event = eventStore.add(MERCHANT, "payment.succeeded");
        service.fanOut(10);
        for (Delivery d : List.copyOf(deliveryStore.rows.values())) {
            service.attempt(d.id());
        }
        String body = eventStore.bodies.get(event);
        assertEquals(List.of(body, FakeDialect.written(body)), sentBodies,
                "in the order of the endpoints: " + canonical.id() + ", " + dialect.id());
        assertEquals(List.of(event.value(), event.value()), sent, "the webhook-id is the event's id in both");
    }

    @Test
    void aRetryOfADialectDeliverySendsTheSameDialectBody() throws Exception {
        WebhookEndpoint e = endpoint(List.of("*"), FakeDialect.NAME);
        Delivery d = pending(e, "payment.succeeded");
        answers.add(AttemptOutcome.answered(500, Duration.ofMillis(3)));
        service.attempt(d.id());
        clock.advance(Duration.ofSeconds(5));
        service.attempt(d.id());
        String body = FakeDialect.written(eventStore.bodies.get(d.eventId()));
        assertEquals(List.of(body, body), sentBodies);
        assertEquals(DeliveryState.SUCCEEDED, deliveryStore.rows.get(d.id()).state());
    }

    @Test
    void anEventTheDialectFailsToWriteIsDeliveredAndEachAttemptFailsSayingSo() throws Exception {
        WebhookEndpoint e = endpoint(List.of("*"), FakeDialect.NAME);
        eventStore.add(MERCHANT, "refund.failed");
        assertEquals(1, service.fanOut(10), "the fan-out goes on");
        Delivery d = deliveryStore.rows.values().iterator().next();
        assertEquals(e.id(), d.endpointId());
        service.attempt(d.id());
        assertTrue(sent.isEmpty());
        assertEquals("the endpoint's dialect (fake) could not write the event", deliveryStore.attempts.get(0).error());
        assertEquals(DeliveryState.PENDING, deliveryStore.rows.get(d.id()).state());
    }

    @Test
    void aDeliveryOfAnEventTheDialectHasNoLongerFailsWithoutSending() throws Exception {
        WebhookEndpoint e = endpoint(List.of("*"), FakeDialect.NAME);
        Delivery d = pending(e, "payment.created");
        service.attempt(d.id());
        assertTrue(sent.isEmpty());
        assertEquals("the endpoint's dialect (fake) has no event for this one", deliveryStore.attempts.get(0).error());
    }

    // ---- fakes ----

    /** The dialect {@code fake}: an event for payment.succeeded only; refund.failed makes it fail. */
    static final class FakeDialect implements RenderDeliveryBodyPort {
        static final String NAME = "fake";

        static String written(String canonical) {
            return "{\"fake\":" + canonical + "}";
        }

        @Override
        public Optional<String> render(String dialect, String canonicalEvent) {
            assertEquals(NAME, dialect);
            if (canonicalEvent.contains("\"refund.failed\"")) {
                throw new DomainException(DomainException.Kind.UNPROCESSABLE, "dialect_failed",
                        "the endpoint's dialect (fake) could not write the event", null);
            }
            return canonicalEvent.contains("\"payment.succeeded\"") ? Optional.of(written(canonicalEvent))
                    : Optional.empty();
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class FakeEndpoints implements EndpointStore {
        final Map<WebhookEndpointId, WebhookEndpoint> rows = new LinkedHashMap<>();

        public void insert(WebhookEndpoint e) {
            rows.put(e.id(), e);
        }

        public Optional<WebhookEndpoint> load(String m, boolean l, WebhookEndpointId id) {
            return Optional.ofNullable(rows.get(id));
        }

        public Optional<WebhookEndpoint> lock(String m, boolean l, WebhookEndpointId id) {
            return load(m, l, id);
        }

        public Optional<WebhookEndpoint> byId(WebhookEndpointId id) {
            return Optional.ofNullable(rows.get(id));
        }

        public Optional<WebhookEndpoint> lockById(WebhookEndpointId id) {
            return byId(id);
        }

        public void update(WebhookEndpoint e) {
            rows.put(e.id(), e);
        }

        public void markDeleted(WebhookEndpointId id) {
            rows.remove(id);
        }

        public Slice<WebhookEndpoint> list(String m, boolean l, PageRequest page) {
            return new Slice<>(List.copyOf(rows.values()), false);
        }

        public long count(String m, boolean l) {
            return rows.size();
        }

        public List<WebhookEndpoint> enabledOf(String m, boolean l) {
            return rows.values().stream().filter(e -> e.status() == EndpointStatus.ENABLED).toList();
        }
    }

    static final class FakeDeliveries implements DeliveryStore {
        final Map<DeliveryId, Delivery> rows = new LinkedHashMap<>();
        final Map<DeliveryId, Instant> claims = new LinkedHashMap<>();
        final List<DeliveryAttempt> attempts = new ArrayList<>();

        public void insert(Delivery d) {
            rows.put(d.id(), d);
        }

        public int deleteEnded(Instant createdBefore, int limit) {
            throw new UnsupportedOperationException("retention is tested against the database");
        }

        public List<Claimed> claimDue(Instant now, Instant until, int perEndpoint, int max) {
            List<Claimed> claimed = new ArrayList<>();
            for (Delivery d : rows.values()) {
                if (claimed.size() < max && d.isDue(now) && (claims.get(d.id()) == null || claims.get(d.id()).isBefore(now))) {
                    claims.put(d.id(), until);
                    claimed.add(new Claimed(d.id(), d.endpointId()));
                }
            }
            return claimed;
        }

        public Optional<Delivery> load(DeliveryId id) {
            return Optional.ofNullable(rows.get(id));
        }

        public Optional<Delivery> lock(DeliveryId id) {
            return load(id);
        }

        public void recordAttempt(Delivery d, DeliveryAttempt a) {
            rows.put(d.id(), d);
            claims.remove(d.id());
            attempts.add(a);
        }

        public int endPending(WebhookEndpointId endpointId) {
            int n = 0;
            for (Delivery d : List.copyOf(rows.values())) {
                if (d.endpointId().equals(endpointId) && d.state() == DeliveryState.PENDING) {
                    rows.put(d.id(), new Delivery(d.id(), d.endpointId(), d.eventId(), DeliveryState.FAILED,
                            d.attempts(), d.firstAttemptAt(), null, d.createdAt()));
                    n++;
                }
            }
            return n;
        }

        public Slice<AttemptLine> attempts(WebhookEndpointId e, EventId ev, PageRequest page) {
            return new Slice<>(List.of(), false);
        }

        public long countAttempts(WebhookEndpointId e, EventId ev) {
            return attempts.size();
        }

        public Optional<AttemptLine> attempt(WebhookEndpointId e, String id) {
            return Optional.empty();
        }
    }

    static final class FakeEvents implements EventStore {
        final List<EventRef> waiting = new ArrayList<>();
        final Map<EventId, String> bodies = new LinkedHashMap<>();
        final List<EventId> fannedOut = new ArrayList<>();
        final List<WebhookEndpointId> disabled = new ArrayList<>();

        EventId add(String merchant, String type) {
            EventId id = EventId.generate();
            waiting.add(new EventRef(id, merchant, false, type));
            bodies.put(id, "{\"id\":\"" + id.value() + "\",\"type\":\"" + type + "\"}");
            return id;
        }

        public List<EventRef> lockNotFannedOut(int limit) {
            return waiting.stream().filter(e -> !fannedOut.contains(e.id())).limit(limit).toList();
        }

        public void markFannedOut(List<EventId> ids) {
            fannedOut.addAll(ids);
        }

        public Optional<EventRef> visible(String m, boolean l, EventId id) {
            return waiting.stream().filter(e -> e.id().equals(id)).findFirst();
        }

        public List<EventRef> undeliveredSince(String m, boolean l, Instant since, WebhookEndpointId e, int max) {
            return List.copyOf(waiting);
        }

        public Optional<String> body(EventId id) {
            return Optional.ofNullable(bodies.get(id));
        }

        public EventId appendEndpointDisabled(WebhookEndpoint endpoint, Instant at) {
            disabled.add(endpoint.id());
            return EventId.generate();
        }
    }
}
