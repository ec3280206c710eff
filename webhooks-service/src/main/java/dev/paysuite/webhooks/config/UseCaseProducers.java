package dev.paysuite.webhooks.config;

import dev.paysuite.dialects.Dialects;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.webhooks.adapter.out.dialect.DialectBodies;
import dev.paysuite.webhooks.application.domain.model.DeliveryUrlPolicy;
import dev.paysuite.webhooks.application.domain.model.HostResolver;
import dev.paysuite.webhooks.application.domain.model.RetrySchedule;
import dev.paysuite.webhooks.application.domain.service.DeliverWebhooksService;
import dev.paysuite.webhooks.application.domain.service.WebhookEndpointsService;
import dev.paysuite.webhooks.application.port.in.DeliverWebhooksUseCase;
import dev.paysuite.webhooks.application.port.in.WebhookEndpointsUseCase;
import dev.paysuite.webhooks.application.port.out.DeliveryStore;
import dev.paysuite.webhooks.application.port.out.EndpointStore;
import dev.paysuite.webhooks.application.port.out.EventStore;
import dev.paysuite.webhooks.application.port.out.SendWebhookPort;
import dev.paysuite.webhooks.application.port.out.SignWebhookPort;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Wires the plain-Java application services of webhook endpoints and deliveries to their adapters. */
public class UseCaseProducers {

    @Produces
    @Singleton
    DeliveryUrlPolicy deliveryUrlPolicy(WebhooksConfig config) {
        return new DeliveryUrlPolicy(new HashSet<>(config.allowedDestinations().orElse(List.of())));
    }

    /** The dialects the gateway serves (a test may produce its own with {@code @Alternative}). */
    @Produces
    @Singleton
    DialectBodies dialectBodies() {
        return new DialectBodies(Dialects::named);
    }

    @Produces
    @Singleton
    WebhookEndpointsUseCase webhookEndpoints(EndpointStore endpoints, DeliveryStore deliveries, EventStore events,
            DialectBodies dialects, DeliveryUrlPolicy policy, HostResolver resolver, Transactions transactions,
            Clock clock, WebhooksConfig config) {
        return new WebhookEndpointsService(endpoints, deliveries, events, dialects, dialects, policy, resolver,
                transactions, clock, config.secretRollGrace());
    }

    @Produces
    @Singleton
    DeliverWebhooksUseCase deliverWebhooks(EndpointStore endpoints, DeliveryStore deliveries, EventStore events,
            SignWebhookPort signer, SendWebhookPort sender, DialectBodies dialects, DeliveryUrlPolicy policy,
            HostResolver resolver, Transactions transactions, Clock clock, WebhooksConfig config) {
        WebhooksConfig.Retry retry = config.delivery().retry();
        RetrySchedule schedule = new RetrySchedule(retry.delays(), retry.repeatEvery(), retry.horizon(), retry.jitter(),
                () -> ThreadLocalRandom.current().nextDouble());
        return new DeliverWebhooksService(endpoints, deliveries, events, signer, sender, dialects, policy, resolver,
                schedule, transactions, clock, new DeliverWebhooksService.Settings(
                        config.delivery().timeout().plus(config.delivery().claimMargin()),
                        config.delivery().perEndpoint(), config.disableAfter()));
    }
}
