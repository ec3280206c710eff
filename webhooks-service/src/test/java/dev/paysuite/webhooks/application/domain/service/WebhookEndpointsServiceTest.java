package dev.paysuite.webhooks.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.testing.InlineTransactions;
import dev.paysuite.webhooks.application.domain.model.Delivery;
import dev.paysuite.webhooks.application.domain.model.DeliveryUrlPolicy;
import dev.paysuite.webhooks.application.domain.model.WebhookEndpoint;
import dev.paysuite.webhooks.application.domain.model.WebhookErrorCodes;
import dev.paysuite.webhooks.application.port.in.WebhookEndpointsUseCase.CreateEndpoint;
import dev.paysuite.webhooks.application.port.out.DeliveryStore;
import dev.paysuite.webhooks.application.port.out.EndpointStore;
import dev.paysuite.webhooks.application.port.out.EventStore;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Endpoints and their dialect, with the in-memory ports of {@link DeliverWebhooksServiceTest}. */
class WebhookEndpointsServiceTest {
    static final String MERCHANT = DeliverWebhooksServiceTest.MERCHANT;
    static final InetAddress PUBLIC = address("203.0.113.7");

    final InlineTransactions tx = new InlineTransactions();
    final DeliverWebhooksServiceTest.FakeEndpoints endpointStore = new DeliverWebhooksServiceTest.FakeEndpoints();
    final DeliverWebhooksServiceTest.FakeDeliveries deliveryStore = new DeliverWebhooksServiceTest.FakeDeliveries();
    final DeliverWebhooksServiceTest.FakeEvents eventStore = new DeliverWebhooksServiceTest.FakeEvents();

    final WebhookEndpointsService service = new WebhookEndpointsService(tx.guard(EndpointStore.class, endpointStore),
            tx.guard(DeliveryStore.class, deliveryStore), tx.guard(EventStore.class, eventStore),
            Set.of(DeliverWebhooksServiceTest.FakeDialect.NAME)::contains, new DeliverWebhooksServiceTest.FakeDialect(),
            new DeliveryUrlPolicy(Set.of()), host -> List.of(PUBLIC), tx,
            new DeliverWebhooksServiceTest.MutableClock(java.time.Instant.parse("2026-11-23T10:00:00Z")),
            Duration.ofHours(24));

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    WebhookEndpoint create(String dialect) {
        return service.create(new CreateEndpoint(MERCHANT, false, "https://hooks.example.com/in", List.of("*"), null,
                dialect)).endpoint();
    }

    @Test
    void anEndpointIsCreatedInTheCanonicalApiOrInADialectThatExists() {
        assertTrue(create(null).dialect().isEmpty());
        WebhookEndpoint e = create("fake");
        assertEquals("fake", e.dialect().orElseThrow());
        assertEquals("fake", endpointStore.rows.get(e.id()).dialect().orElseThrow());
    }

    @Test
    void aDialectThatDoesNotExistIsRefusedNamingTheParameter() {
        for (String unknown : List.of("nosuch", "Fake", "")) {
            DomainException x = assertThrows(DomainException.class, () -> create(unknown), unknown);
            assertEquals(DomainException.Kind.INVALID, x.kind());
            assertEquals(ErrorCodes.PARAMETER_INVALID, x.code());
            assertEquals("dialect", x.field());
        }
        assertTrue(endpointStore.rows.isEmpty());
    }

    @Test
    void aDialectEndpointIsResentOnlyAnEventItsDialectHas() {
        WebhookEndpoint e = create("fake");
        EventId has = eventStore.add(MERCHANT, "payment.succeeded");
        EventId lacks = eventStore.add(MERCHANT, "payment.created");

        Delivery d = service.resend(MERCHANT, false, e.id(), has);
        assertEquals(has, d.eventId());
        DomainException x = assertThrows(DomainException.class, () -> service.resend(MERCHANT, false, e.id(), lacks));
        assertEquals(DomainException.Kind.UNPROCESSABLE, x.kind());
        assertEquals(WebhookErrorCodes.EVENT_NOT_IN_DIALECT, x.code());
        assertEquals("eventId", x.field());
        assertEquals(1, deliveryStore.rows.size());

        // the canonical API has every event
        WebhookEndpoint canonical = create(null);
        assertEquals(lacks, service.resend(MERCHANT, false, canonical.id(), lacks).eventId());
    }

    @Test
    void aDialectEndpointRecoversOnlyTheEventsItsDialectHas() {
        WebhookEndpoint e = create("fake");
        EventId has = eventStore.add(MERCHANT, "payment.succeeded");
        eventStore.add(MERCHANT, "payment.created");
        assertEquals(1, service.recover(MERCHANT, false, e.id(), java.time.Instant.EPOCH));
        assertEquals(List.of(has), deliveryStore.rows.values().stream().map(Delivery::eventId).toList());
        assertEquals(2, service.recover(MERCHANT, false, create(null).id(), java.time.Instant.EPOCH));
    }
}
