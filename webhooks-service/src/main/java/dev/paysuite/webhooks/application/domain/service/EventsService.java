package dev.paysuite.webhooks.application.domain.service;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import dev.paysuite.webhooks.application.port.in.EventsUseCase;
import dev.paysuite.webhooks.application.port.in.PurgeEventsUseCase;
import dev.paysuite.webhooks.application.port.out.DeliveryStore;
import dev.paysuite.webhooks.application.port.out.EventLog;
import dev.paysuite.webhooks.application.port.out.EventQueries;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Reading the visible events, and letting expired ones go (ended deliveries first: an event a delivery refers to stays). */
public final class EventsService implements EventsUseCase, PurgeEventsUseCase {
    private final EventQueries queries;
    private final EventLog log;
    private final DeliveryStore deliveries;
    private final Transactions transactions;
    private final Clock clock;

    public EventsService(EventQueries queries, EventLog log, DeliveryStore deliveries, Transactions transactions,
            Clock clock) {
        this.queries = queries;
        this.log = log;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public PublicEvent get(String merchantId, boolean livemode, EventId id) {
        return queries.findVisible(merchantId, livemode, id).orElseThrow(() -> notFound(id.value()));
    }

    @Override
    public Page<PublicEvent> list(ListEvents query) {
        PageRequest request = query.page().resolve(cursor -> cursor.startsWith(EventId.PREFIX)
                ? queries.findVisible(query.merchantId(), query.livemode(), new EventId(cursor))
                : Optional.empty());
        return Page.of(request, queries.list(query, request), queries.count(query));
    }

    @Override
    public int purgeBatch(Duration retention, int batchSize) {
        check(retention, batchSize);
        return transactions.inTransaction(() -> log.deleteExpired(clock.instant().minus(retention), batchSize));
    }

    @Override
    public int purgeDeliveriesBatch(Duration retention, int batchSize) {
        check(retention, batchSize);
        return transactions.inTransaction(() -> deliveries.deleteEnded(clock.instant().minus(retention), batchSize));
    }

    private static void check(Duration retention, int batchSize) {
        if (retention.isNegative() || retention.isZero() || batchSize < 1) {
            throw new IllegalArgumentException("a positive retention and batch size");
        }
    }

    private static DomainException notFound(String id) {
        return new DomainException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                "No such event: '" + id + "'", "id");
    }
}
