package dev.paysuite.webhooks.adapter.out.persistence;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.platform.persistence.KeysetPages;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import dev.paysuite.webhooks.application.domain.model.StreamedEvent;
import dev.paysuite.webhooks.application.port.in.EventsUseCase.ListEvents;
import dev.paysuite.webhooks.application.port.out.EventQueries;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Visible events (position set) of one merchant and mode, newest first (created_at, id). */
@ApplicationScoped
public class EventQueriesAdapter implements EventQueries {
    private static final String VISIBLE = "merchantId = :merchant and livemode = :livemode and position is not null";
    private final EventRepository repository;

    public EventQueriesAdapter(EventRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<PublicEvent> findVisible(String merchantId, boolean livemode, EventId id) {
        return findEntity(merchantId, livemode, id).map(EventQueriesAdapter::toDomain);
    }

    private Optional<EventJpaEntity> findEntity(String merchantId, boolean livemode, EventId id) {
        return repository.find(VISIBLE + " and id = :id", Parameters.with("merchant", merchantId)
                .and("livemode", livemode).and("id", id.value())).firstResultOptional();
    }

    @Override
    public Slice<PublicEvent> list(ListEvents filter, PageRequest request) {
        Parameters params = Parameters.with("merchant", filter.merchantId()).and("livemode", filter.livemode());
        return KeysetPages.fetch(repository, where(filter, params), params, request).map(EventQueriesAdapter::toDomain);
    }

    @Override
    public long count(ListEvents filter) {
        Parameters params = Parameters.with("merchant", filter.merchantId()).and("livemode", filter.livemode());
        return repository.count(where(filter, params), params);
    }

    @Override
    public long lastPosition() {
        return ((Number) repository.getEntityManager().createNativeQuery("SELECT last FROM event_positions")
                .getSingleResult()).longValue();
    }

    @Override
    public OptionalLong positionOf(String merchantId, boolean livemode, EventId id) {
        return findEntity(merchantId, livemode, id).map(e -> OptionalLong.of(e.position)).orElse(OptionalLong.empty());
    }

    @Override
    public List<StreamedEvent> after(String merchantId, boolean livemode, Set<String> types, long position, int limit) {
        Parameters params = Parameters.with("merchant", merchantId).and("livemode", livemode).and("after", position);
        String where = VISIBLE + " and position > :after";
        if (!types.isEmpty()) {
            where += " and type in :types";
            params.and("types", types);
        }
        return repository.find(where + " order by position", params).page(0, limit).list().stream()
                .map(e -> new StreamedEvent(e.position, toDomain(e))).toList();
    }

    private static String where(ListEvents filter, Parameters params) {
        StringBuilder where = new StringBuilder(VISIBLE);
        if (!filter.types().isEmpty()) {
            where.append(" and type in :types");
            params.and("types", filter.types());
        }
        if (filter.createdAfter() != null) {
            where.append(" and createdAt > :createdAfter");
            params.and("createdAfter", filter.createdAfter());
        }
        if (filter.createdBefore() != null) {
            where.append(" and createdAt < :createdBefore");
            params.and("createdBefore", filter.createdBefore());
        }
        return where.toString();
    }

    private static PublicEvent toDomain(EventJpaEntity e) {
        return new PublicEvent(new EventId(e.id), e.type, e.createdAt, e.livemode, e.sequence, e.data, e.merchantId);
    }
}
