package dev.paysuite.webhooks.adapter.out.persistence;

import dev.paysuite.kernel.PaymentHistory;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.platform.tracing.TraceContexts;
import dev.paysuite.webhooks.application.domain.model.EventsVisible;
import dev.paysuite.webhooks.application.domain.model.PaymentSequencer.Arrival;
import dev.paysuite.webhooks.application.domain.model.PaymentTimeline;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import dev.paysuite.webhooks.application.port.out.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * {@code events}, {@code payment_timelines} and {@code event_positions} in PostgreSQL, in plain SQL
 * (locks and counters are what matter here).
 */
@ApplicationScoped
public class EventLogAdapter implements EventLog {
    private final EntityManager em;
    private final Event<EventsVisible> visible;

    public EventLogAdapter(EntityManager em, Event<EventsVisible> visible) {
        this.em = em;
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
    public PaymentTimeline lockTimeline(String paymentId, Instant now) {
        em.createNativeQuery("""
                INSERT INTO payment_timelines (payment_id, last_sequence, last_payment_event, last_refund_event, updated_at)
                VALUES (?1, 0, 0, 0, ?2) ON CONFLICT (payment_id) DO NOTHING""")
                .setParameter(1, paymentId).setParameter(2, Timestamp.from(now)).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT last_sequence, last_payment_event, last_refund_event FROM payment_timelines
                WHERE payment_id = ?1 FOR UPDATE""").setParameter(1, paymentId).getSingleResult();
        return new PaymentTimeline(number(row[0]), number(row[1]), number(row[2]));
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void saveTimeline(String paymentId, PaymentTimeline timeline, Instant now) {
        em.createNativeQuery("""
                UPDATE payment_timelines SET last_sequence = ?2, last_payment_event = ?3, last_refund_event = ?4,
                       updated_at = ?5 WHERE payment_id = ?1""")
                .setParameter(1, paymentId).setParameter(2, timeline.lastSequence())
                .setParameter(3, timeline.lastPaymentEvent()).setParameter(4, timeline.lastRefundEvent())
                .setParameter(5, Timestamp.from(now)).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Arrival<EventId>> waiting(String paymentId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, payment_position, refund_position, after_refund_event FROM events
                WHERE payment_id = ?1 AND position IS NULL""").setParameter(1, paymentId).getResultList();
        return rows.stream().map(r -> new Arrival<>(new EventId((String) r[0]),
                new PaymentHistory(number(r[1]), number(r[2])), number(r[3]))).toList();
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void assignSequence(EventId event, long sequence) {
        em.createNativeQuery("UPDATE events SET sequence = ?2 WHERE id = ?1")
                .setParameter(1, event.value()).setParameter(2, sequence).executeUpdate();
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
        long last = number(em.createNativeQuery(
                "UPDATE event_positions SET last = last + ?1 WHERE only_row RETURNING last")
                .setParameter(1, inOrder.size()).getSingleResult());
        long position = last - inOrder.size();
        for (EventId id : inOrder) {
            position++;
            int updated = em.createNativeQuery("UPDATE events SET position = ?2 WHERE id = ?1 AND position IS NULL")
                    .setParameter(1, id.value()).setParameter(2, position).executeUpdate();
            if (updated != 1) {
                throw new IllegalStateException("Event " + id + " is not stored, or is visible already");
            }
        }
        visible.fire(new EventsVisible(inOrder.size()));
        return last;
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

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
