package dev.paysuite.webhooks.adapter.out.persistence;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.platform.persistence.KeysetPages;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import dev.paysuite.webhooks.application.domain.model.StreamedEvent;
import dev.paysuite.webhooks.application.port.in.EventsUseCase.ListEvents;
import dev.paysuite.webhooks.application.port.out.EventQueries;
import io.agroal.api.AgroalDataSource;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Visible events (position set) of one merchant and mode, newest first (created_at, id). */
@ApplicationScoped
public class EventQueriesAdapter implements EventQueries {
    private static final String VISIBLE = "merchantId = :merchant and livemode = :livemode and position is not null";
    private final EventRepository repository;
    private final AgroalDataSource dataSource;

    public EventQueriesAdapter(EventRepository repository, AgroalDataSource dataSource) {
        this.repository = repository;
        this.dataSource = dataSource;
    }

    @Override
    public Optional<PublicEvent> findVisible(String merchantId, boolean livemode, EventId id) {
        return repository.find(VISIBLE + " and id = :id", Parameters.with("merchant", merchantId)
                .and("livemode", livemode).and("id", id.value())).firstResultOptional().map(EventQueriesAdapter::toDomain);
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

    // The stream's reads go through JDBC, each on a connection returned at once: a stream's request
    // lasts as long as the stream, and must not hold a session (and its connection) all that time.

    @Override
    public long lastPosition() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT last FROM event_positions");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw Jdbc.failed("read the newest position", e);
        }
    }

    @Override
    public OptionalLong positionOf(String merchantId, boolean livemode, EventId id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT position FROM events WHERE id = ? AND merchant_id = ? AND livemode = ?"
                        + " AND position IS NOT NULL")) {
            s.setString(1, id.value());
            s.setString(2, merchantId);
            s.setBoolean(3, livemode);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failed("read an event's position", e);
        }
    }

    @Override
    public List<StreamedEvent> after(String merchantId, boolean livemode, Set<String> types, long position, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, type, created_at, livemode, sequence, data, merchant_id,"
                + " position FROM events WHERE merchant_id = ? AND livemode = ? AND position > ?");
        if (!types.isEmpty()) {
            sql.append(" AND type = ANY (?)");
        }
        sql.append(" ORDER BY position LIMIT ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            s.setString(i++, merchantId);
            s.setBoolean(i++, livemode);
            s.setLong(i++, position);
            if (!types.isEmpty()) {
                s.setArray(i++, c.createArrayOf("varchar", types.toArray()));
            }
            s.setInt(i, limit);
            List<StreamedEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long sequence = rs.getLong("sequence");
                    Long numbered = rs.wasNull() ? null : sequence;
                    events.add(new StreamedEvent(rs.getLong("position"), new PublicEvent(new EventId(rs.getString("id")),
                            rs.getString("type"), Jdbc.instant(rs, "created_at"), rs.getBoolean("livemode"), numbered,
                            rs.getString("data"), rs.getString("merchant_id"))));
                }
            }
            return events;
        } catch (SQLException e) {
            throw Jdbc.failed("read the stream's events", e);
        }
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
