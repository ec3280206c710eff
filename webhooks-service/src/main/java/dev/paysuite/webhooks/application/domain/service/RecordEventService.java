package dev.paysuite.webhooks.application.domain.service;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.webhooks.application.domain.model.PaymentSequencer;
import dev.paysuite.webhooks.application.domain.model.PaymentTimeline;
import dev.paysuite.webhooks.application.port.in.RecordEventUseCase;
import dev.paysuite.webhooks.application.port.out.EventLog;
import java.time.Clock;
import java.util.List;

/**
 * One step per event read: store it; if it is about a payment, lock the payment's timeline, number
 * what {@link PaymentSequencer} can of the payment's waiting events (this one included) and make
 * those visible in their new order; an event about no payment is visible at once. Every step that
 * numbers a payment holds its timeline, and every step that gives positions holds the one position
 * counter after it (always in that order, so two steps never wait on each other).
 */
public final class RecordEventService implements RecordEventUseCase {
    private final EventLog log;
    private final Transactions transactions;
    private final Clock clock;

    public RecordEventService(EventLog log, Transactions transactions, Clock clock) {
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public boolean record(RecordEvent command) {
        return transactions.inTransaction(() -> {
            var now = clock.instant();
            if (!log.insert(command.event(), command.sourceTopic(), command.paymentId(), command.position(),
                    command.afterRefundEvent(), now)) {
                return false;
            }
            if (command.paymentId() == null) {
                log.appendVisible(List.of(command.event().id()));
                return true;
            }
            PaymentTimeline timeline = log.lockTimeline(command.paymentId(), now);
            PaymentSequencer.Result<EventId> result = PaymentSequencer.number(timeline,
                    log.waiting(command.paymentId()));
            if (result.numbered().isEmpty()) {
                return true;
            }
            for (PaymentSequencer.Numbered<EventId> n : result.numbered()) {
                log.assignSequence(n.event(), n.sequence());
            }
            log.saveTimeline(command.paymentId(), result.timeline(), now);
            log.appendVisible(result.numbered().stream().map(PaymentSequencer.Numbered::event).toList());
            return true;
        });
    }
}
