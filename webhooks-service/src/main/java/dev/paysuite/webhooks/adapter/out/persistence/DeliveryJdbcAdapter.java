package dev.paysuite.webhooks.adapter.out.persistence;

import static dev.paysuite.webhooks.adapter.out.persistence.Jdbc.failed;
import static dev.paysuite.webhooks.adapter.out.persistence.Jdbc.instant;
import static dev.paysuite.webhooks.adapter.out.persistence.Jdbc.setInstant;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.WebhookEndpointId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.webhooks.application.domain.model.Delivery;
import dev.paysuite.webhooks.application.domain.model.DeliveryAttempt;
import dev.paysuite.webhooks.application.domain.model.DeliveryId;
import dev.paysuite.webhooks.application.domain.model.DeliveryState;
import dev.paysuite.webhooks.application.port.in.AttemptLine;
import dev.paysuite.webhooks.application.port.in.DeliverWebhooksUseCase.Claimed;
import dev.paysuite.webhooks.application.port.out.DeliveryStore;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Tables {@code deliveries} and {@code delivery_attempts}. */
@ApplicationScoped
public class DeliveryJdbcAdapter implements DeliveryStore {
    private static final String COLUMNS = "id, endpoint_id, event_id, state, first_attempt_at, next_attempt_at, created_at";
    private static final String ATTEMPT_COLUMNS = "delivery_id, number, endpoint_id, event_id, at, status_code,"
            + " duration_ms, error";
    /**
     * Due deliveries of enabled endpoints, ranked per endpoint, none for an endpoint beyond what its
     * claims in force leave of its share; then locked (skipping what another worker locks) and claimed.
     */
    private static final String CLAIM = """
            WITH busy AS (
                SELECT endpoint_id, count(*) AS n FROM deliveries
                WHERE state = 'PENDING' AND claimed_until >= ? GROUP BY endpoint_id),
            ranked AS (
                SELECT d.id, d.next_attempt_at, coalesce(b.n, 0)
                       + row_number() OVER (PARTITION BY d.endpoint_id ORDER BY d.next_attempt_at, d.id) AS slot
                FROM deliveries d
                JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.status = 'ENABLED' AND NOT e.deleted
                LEFT JOIN busy b ON b.endpoint_id = d.endpoint_id
                WHERE d.state = 'PENDING' AND d.next_attempt_at <= ?
                  AND (d.claimed_until IS NULL OR d.claimed_until < ?)),
            picked AS (
                SELECT id FROM deliveries WHERE id IN (
                    SELECT id FROM ranked WHERE slot <= ? ORDER BY next_attempt_at LIMIT ?)
                  AND state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)
                FOR NO KEY UPDATE SKIP LOCKED)
            UPDATE deliveries d SET claimed_until = ? FROM picked WHERE d.id = picked.id
            RETURNING d.id, d.endpoint_id, (SELECT ev.traceparent FROM events ev WHERE ev.id = d.event_id)
            """;
    private final AgroalDataSource dataSource;
    private final MeterRegistry meters;

    public DeliveryJdbcAdapter(AgroalDataSource dataSource, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.meters = meters;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void insert(Delivery d) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO deliveries (" + COLUMNS + ", attempts_made) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, d.id().value());
            s.setString(2, d.endpointId().value());
            s.setString(3, d.eventId().value());
            s.setString(4, d.state().name());
            setInstant(s, 5, d.firstAttemptAt());
            setInstant(s, 6, d.nextAttemptAt());
            setInstant(s, 7, d.createdAt());
            s.setInt(8, d.attemptsMade());
            s.executeUpdate();
        } catch (SQLException x) {
            throw failed("store a delivery", x);
        }
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public List<Claimed> claimDue(Instant now, Instant claimUntil, int perEndpoint, int max) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            Timestamp at = Timestamp.from(now);
            s.setTimestamp(1, at);
            s.setTimestamp(2, at);
            s.setTimestamp(3, at);
            s.setInt(4, perEndpoint);
            s.setInt(5, max);
            s.setTimestamp(6, at);
            s.setTimestamp(7, Timestamp.from(claimUntil));
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(new DeliveryId(rs.getString(1)), new WebhookEndpointId(rs.getString(2)),
                            rs.getString(3)));
                }
            }
            return claimed;
        } catch (SQLException x) {
            throw failed("claim deliveries", x);
        }
    }

    @Override
    public Optional<Delivery> load(DeliveryId id) {
        return read(id, "");
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<Delivery> lock(DeliveryId id) {
        return read(id, " FOR NO KEY UPDATE");
    }

    private Optional<Delivery> read(DeliveryId id, String lock) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM deliveries WHERE id = ?" + lock);
                PreparedStatement a = c.prepareStatement("SELECT " + ATTEMPT_COLUMNS
                        + " FROM delivery_attempts WHERE delivery_id = ? ORDER BY number")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                a.setString(1, id.value());
                List<DeliveryAttempt> attempts = new ArrayList<>();
                try (ResultSet ars = a.executeQuery()) {
                    while (ars.next()) {
                        attempts.add(attempt(ars));
                    }
                }
                return Optional.of(new Delivery(id, new WebhookEndpointId(rs.getString("endpoint_id")),
                        new EventId(rs.getString("event_id")), DeliveryState.valueOf(rs.getString("state")), attempts,
                        instant(rs, "first_attempt_at"), instant(rs, "next_attempt_at"), instant(rs, "created_at")));
            }
        } catch (SQLException x) {
            throw failed("read a delivery", x);
        }
    }

    private static DeliveryAttempt attempt(ResultSet rs) throws SQLException {
        Integer status = (Integer) rs.getObject("status_code");
        String error = rs.getString("error");
        return new DeliveryAttempt(new DeliveryId(rs.getString("delivery_id")), rs.getInt("number"), instant(rs, "at"),
                status, rs.getLong("duration_ms"), error, status != null && status >= 200 && status < 300);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void recordAttempt(Delivery d, DeliveryAttempt attempt) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("UPDATE deliveries SET state = ?, attempts_made = ?,"
                        + " first_attempt_at = ?, next_attempt_at = ?, claimed_until = NULL, version = version + 1"
                        + " WHERE id = ?");
                PreparedStatement i = c.prepareStatement("INSERT INTO delivery_attempts (" + ATTEMPT_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            u.setString(1, d.state().name());
            u.setInt(2, d.attemptsMade());
            setInstant(u, 3, d.firstAttemptAt());
            setInstant(u, 4, d.nextAttemptAt());
            u.setString(5, d.id().value());
            u.executeUpdate();
            i.setString(1, d.id().value());
            i.setInt(2, attempt.number());
            i.setString(3, d.endpointId().value());
            i.setString(4, d.eventId().value());
            setInstant(i, 5, attempt.at());
            if (attempt.statusCode() == null) {
                i.setNull(6, Types.INTEGER);
            } else {
                i.setInt(6, attempt.statusCode());
            }
            i.setLong(7, attempt.durationMs());
            i.setString(8, attempt.error());
            i.executeUpdate();
        } catch (SQLException x) {
            throw failed("record an attempt", x);
        }
        count(d, attempt);
    }

    /**
     * paysuite_webhooks_deliveries_total{outcome}: each recorded attempt, {@code succeeded} (2xx),
     * {@code rejected} (another answer) or {@code no_answer} (timeout, refused connection, refused
     * address); and paysuite_webhooks_deliveries_given_up_total when one ends its schedule failed.
     */
    private void count(Delivery d, DeliveryAttempt attempt) {
        Integer status = attempt.statusCode();
        String outcome = status == null ? "no_answer" : status >= 200 && status < 300 ? "succeeded" : "rejected";
        meters.counter("paysuite.webhooks.deliveries", "outcome", outcome).increment();
        if (d.state() == DeliveryState.FAILED) {
            meters.counter("paysuite.webhooks.deliveries.given.up").increment();
        }
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public int deleteEnded(Instant createdBefore, int limit) {
        // one statement: the foreign key from attempts is checked at its end, when both are gone
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                WITH doomed AS (
                    SELECT id FROM deliveries WHERE state <> 'PENDING' AND created_at < ?
                    ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED),
                attempts AS (
                    DELETE FROM delivery_attempts a USING doomed WHERE a.delivery_id = doomed.id)
                DELETE FROM deliveries d USING doomed WHERE d.id = doomed.id""")) {
            s.setTimestamp(1, Timestamp.from(createdBefore));
            s.setInt(2, limit);
            return s.executeUpdate();
        } catch (SQLException x) {
            throw failed("delete ended deliveries", x);
        }
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public int endPending(WebhookEndpointId endpointId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE deliveries SET state = 'FAILED', next_attempt_at = NULL, claimed_until = NULL,"
                        + " version = version + 1 WHERE endpoint_id = ? AND state = 'PENDING'")) {
            s.setString(1, endpointId.value());
            return s.executeUpdate();
        } catch (SQLException x) {
            throw failed("end an endpoint's deliveries", x);
        }
    }

    @Override
    public Slice<AttemptLine> attempts(WebhookEndpointId endpointId, EventId eventId, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + ATTEMPT_COLUMNS + " FROM delivery_attempts WHERE endpoint_id = ?");
        List<Object> params = new ArrayList<>(List.of(endpointId.value()));
        if (eventId != null) {
            sql.append(" AND event_id = ?");
            params.add(eventId.value());
        }
        boolean backwards = page instanceof PageRequest.Before;
        String cursorId = page instanceof PageRequest.After a ? a.cursorId()
                : page instanceof PageRequest.Before b ? b.cursorId() : null;
        Instant cursorAt = page instanceof PageRequest.After a ? a.cursorCreatedAt()
                : page instanceof PageRequest.Before b ? b.cursorCreatedAt() : null;
        if (cursorId != null) {
            Ref ref = Ref.parse(cursorId);
            sql.append(" AND (at, delivery_id, number) ").append(backwards ? ">" : "<").append(" (?, ?, ?)");
            params.add(Timestamp.from(cursorAt));
            params.add(ref.deliveryId());
            params.add(ref.number());
        }
        String dir = backwards ? "ASC" : "DESC";
        sql.append(" ORDER BY at ").append(dir).append(", delivery_id ").append(dir).append(", number ").append(dir)
                .append(" LIMIT ? OFFSET ?");
        params.add(page.limit() + 1);
        params.add(page instanceof PageRequest.FromOffset o ? o.offset() : 0);
        List<AttemptLine> rows = lines(sql.toString(), params.toArray());
        boolean hasMore = rows.size() > page.limit();
        List<AttemptLine> items = new ArrayList<>(rows.subList(0, Math.min(rows.size(), page.limit())));
        if (backwards) {
            Collections.reverse(items);
        }
        return new Slice<>(items, hasMore);
    }

    @Override
    public long countAttempts(WebhookEndpointId endpointId, EventId eventId) {
        String sql = "SELECT count(*) FROM delivery_attempts WHERE endpoint_id = ?" + (eventId == null ? "" : " AND event_id = ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, endpointId.value());
            if (eventId != null) {
                s.setString(2, eventId.value());
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException x) {
            throw failed("count attempts", x);
        }
    }

    @Override
    public Optional<AttemptLine> attempt(WebhookEndpointId endpointId, String attemptId) {
        Ref ref = Ref.parse(attemptId);
        if (ref == null) {
            return Optional.empty();
        }
        List<AttemptLine> found = lines("SELECT " + ATTEMPT_COLUMNS
                + " FROM delivery_attempts WHERE endpoint_id = ? AND delivery_id = ? AND number = ?",
                endpointId.value(), ref.deliveryId(), ref.number());
        return found.stream().findFirst();
    }

    private List<AttemptLine> lines(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<AttemptLine> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AttemptLine(attempt(rs), new WebhookEndpointId(rs.getString("endpoint_id")),
                            new EventId(rs.getString("event_id"))));
                }
            }
            return rows;
        } catch (SQLException x) {
            throw failed("read attempts", x);
        }
    }

    /** An attempt's id: {@code <delivery id>_<number>}. */
    private record Ref(String deliveryId, int number) {
        static Ref parse(String id) {
            int cut = id == null ? -1 : id.lastIndexOf('_');
            if (cut <= 0) {
                return null;
            }
            try {
                return new Ref(id.substring(0, cut), Integer.parseInt(id.substring(cut + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
