package dev.paysuite.webhooks.config;

import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.webhooks.application.domain.service.EventsService;
import dev.paysuite.webhooks.application.domain.service.RecordEventService;
import dev.paysuite.webhooks.application.domain.service.StreamEventsService;
import dev.paysuite.webhooks.application.port.in.EventsUseCase;
import dev.paysuite.webhooks.application.port.in.PurgeEventsUseCase;
import dev.paysuite.webhooks.application.port.in.RecordEventUseCase;
import dev.paysuite.webhooks.application.port.in.StreamEventsUseCase;
import dev.paysuite.webhooks.application.port.out.DeliveryStore;
import dev.paysuite.webhooks.application.port.out.EventLog;
import dev.paysuite.webhooks.application.port.out.EventQueries;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the plain-Java application services of the Events to their adapters. */
public class EventUseCaseProducers {

    @Produces
    @Singleton
    RecordEventUseCase recordEvent(EventLog log, Transactions transactions, Clock clock) {
        return new RecordEventService(log, transactions, clock);
    }

    @Produces
    @Singleton
    @Typed(EventsService.class)
    EventsService eventsService(EventQueries queries, EventLog log, DeliveryStore deliveries, Transactions transactions,
            Clock clock) {
        return new EventsService(queries, log, deliveries, transactions, clock);
    }

    @Produces
    @Singleton
    EventsUseCase events(EventsService service) {
        return service;
    }

    @Produces
    @Singleton
    StreamEventsUseCase streamEvents(EventQueries queries) {
        return new StreamEventsService(queries);
    }

    @Produces
    @Singleton
    PurgeEventsUseCase purgeEvents(EventsService service) {
        return service;
    }
}
