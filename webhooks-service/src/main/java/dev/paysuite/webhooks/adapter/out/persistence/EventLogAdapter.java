package dev.paysuite.webhooks.adapter.out.persistence;

import static dev.paysuite.webhooks.adapter.out.persistence.Jdbc.failed;

import dev.paysuite.kernel.PaymentHistory;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.platform.tracing.TraceContexts;
import dev.paysuite.webhooks.application.domain.model.EventsVisible;
import dev.paysuite.webhooks.application.domain.model.PaymentSequencer.Arrival;
import dev.paysuite.webhooks.application.domain.model.PaymentTimeline;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import dev.paysuite.webhooks.application.port.out.EventLog;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code events}, {@code payment_timelines} and {@code event_positions} in PostgreSQL, in plain SQL
 * (locks and counters are what matter here); what a step does for many events or payments is one
 * statement over arrays ({@code unnest}, {@code = ANY}), whatever their number.
 */
@ApplicationScoped
public class EventLogAdapter implements EventLog {
    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final Event<EventsVisible> visible;

    public EventLogAdapter(EntityManager em, AgroalDataSource dataSource, Event<EventsVisible> visible) {
        this.em = em;
        this.dataSource = dataSource;
        this.visible = visible;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public boolean insert(PublicEvent event, String sourceTopic, String paymentId, PaymentHistory position,
            long afterRefundEvent, Instant receivedAt) {
        return em.createNativeQuery("""
                INSERT INTO events (id, merchant_id, livemode, type, created_at, received_at, source_topic,
                                    payment_id, payment_position, refund_position, after_refund_event, sequence, data,
                                    traceparent)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12, NULL, ?11, ?13)
                ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, event.id().value()).setParameter(2, event.merchantId())
                .setParameter(3, event.livemode()).setParameter(4, event.type())
                .setParameter(5, Timestamp.from(event.createdAt())).setParameter(6, Timestamp.from(receivedAt))
                .setParameter(7, sourceTopic).setParameter(8, paymentId)
                .setParameter(9, position == null ? null : position.paymentSequence())
                .setParameter(10, position == null ? null : position.refundSequence())
                .setParameter(11, event.data()).setParameter(12, afterRefundEvent)
                // the consumer's trace, which its deliveries continue (DeliveryWorker)
                .setParameter(13, TraceContexts.current().orElse(null))
                .executeUpdate() == 1;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Map<String, PaymentTimeline> lockTimelines(Collection<String> paymentIds, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            Array ids = c.createArrayOf("varchar", paymentIds.stream().sorted().toArray());
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO payment_timelines (payment_id, last_sequence, last_payment_event, last_refund_event,
                                                   updated_at)
                    SELECT id, 0, 0, 0, ? FROM unnest(?::varchar[]) AS u(id) ORDER BY id
                    ON CONFLICT (payment_id) DO NOTHING""")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setArray(2, ids);
                s.executeUpdate();
            }
            Map<String, PaymentTimeline> timelines = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT payment_id, last_sequence, last_payment_event, last_refund_event FROM payment_timelines
                    WHERE payment_id = ANY(?) ORDER BY payment_id FOR UPDATE""")) {
                s.setArray(1, ids);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        timelines.put(rs.getString(1), new PaymentTimeline(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
            return timelines;
        } catch (SQLException e) {
            throw failed("lock payment timelines", e);
        }
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void saveTimelines(Map<String, PaymentTimeline> timelines, Instant now) {
        if (timelines.isEmpty()) {
            return;
        }
        List<Map.Entry<String, PaymentTimeline>> rows = List.copyOf(timelines.entrySet());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE payment_timelines t SET last_sequence = u.s, last_payment_event = u.p, last_refund_event = u.r,
                       updated_at = ?
                FROM unnest(?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[]) AS u(id, s, p, r)
                WHERE t.payment_id = u.id""")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setArray(2, c.createArrayOf("varchar", rows.stream().map(Map.Entry::getKey).toArray()));
            s.setArray(3, c.createArrayOf("bigint", rows.stream().map(r -> r.getValue().lastSequence()).toArray()));
            s.setArray(4, c.createArrayOf("bigint", rows.stream().map(r -> r.getValue().lastPaymentEvent()).toArray()));
            s.setArray(5, c.createArrayOf("bigint", rows.stream().map(r -> r.getValue().lastRefundEvent()).toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed("save payment timelines", e);
        }
    }

    @Override
    public Map<String, List<Arrival<EventId>>> waiting(Collection<String> paymentIds) {
        Map<String, List<Arrival<EventId>>> waiting = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT payment_id, id, payment_position, refund_position, after_refund_event FROM events
                WHERE payment_id = ANY(?) AND position IS NULL""")) {
            s.setArray(1, c.createArrayOf("varchar", paymentIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    waiting.computeIfAbsent(rs.getString(1), p -> new ArrayList<>()).add(new Arrival<>(
                            new EventId(rs.getString(2)), new PaymentHistory(rs.getLong(3), rs.getLong(4)), rs.getLong(5)));
                }
            }
            return waiting;
        } catch (SQLException e) {
            throw failed("read the events waiting for a number", e);
        }
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void assignSequences(Map<EventId, Long> sequences) {
        if (sequences.isEmpty()) {
            return;
        }
        List<Map.Entry<EventId, Long>> rows = List.copyOf(sequences.entrySet());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE events e SET sequence = u.sequence
                FROM unnest(?::varchar[], ?::bigint[]) AS u(id, sequence) WHERE e.id = u.id""")) {
            s.setArray(1, c.createArrayOf("varchar", rows.stream().map(r -> r.getKey().value()).toArray()));
            s.setArray(2, c.createArrayOf("bigint", rows.stream().map(Map.Entry::getValue).toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed("give events their sequence", e);
        }
    }

    /**
     * The one place positions are given. {@code UPDATE event_positions ... RETURNING last} takes the
     * counter row's lock until commit: the next step to give positions waits for this one to end, so
     * positions commit in the order they were given. Announces them ({@link EventsVisible}), which
     * observers after the commit ({@code DeliveryWorker}) turn into a fan-out at once.
     */
    @Override
    @Transactional(TxType.MANDATORY)
    public long appendVisible(List<EventId> inOrder) {
        if (inOrder.isEmpty()) {
            return -1;
        }
        try (Connection c = dataSource.getConnection()) {
            long last;
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE event_positions SET last = last + ? WHERE only_row RETURNING last")) {
                s.setLong(1, inOrder.size());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    last = rs.getLong(1);
                }
            }
            Long[] positions = new Long[inOrder.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = last - inOrder.size() + 1 + i;
            }
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE events e SET position = u.position
                    FROM unnest(?::varchar[], ?::bigint[]) AS u(id, position)
                    WHERE e.id = u.id AND e.position IS NULL""")) {
                s.setArray(1, c.createArrayOf("varchar", inOrder.stream().map(EventId::value).toArray()));
                s.setArray(2, c.createArrayOf("bigint", positions));
                if (s.executeUpdate() != inOrder.size()) {
                    throw new IllegalStateException("Of events " + inOrder + ", one is not stored, is visible already,"
                            + " or is named twice");
                }
            }
            visible.fire(new EventsVisible(inOrder.size()));
            return last;
        } catch (SQLException e) {
            throw failed("make events visible", e);
        }
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public int deleteExpired(Instant createdBefore, int limit) {
        return em.createNativeQuery("""
                DELETE FROM events WHERE id IN (
                    SELECT e.id FROM events e
                    WHERE e.created_at < ?1
                      AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id)
                    LIMIT ?2 FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, Timestamp.from(createdBefore)).setParameter(2, limit).executeUpdate();
    }
}
