package dev.paysuite.webhooks.application.domain.service;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.webhooks.application.domain.model.PaymentSequencer;
import dev.paysuite.webhooks.application.domain.model.PaymentTimeline;
import dev.paysuite.webhooks.application.port.in.RecordEventUseCase;
import dev.paysuite.webhooks.application.port.out.EventLog;
import dev.paysuite.webhooks.application.domain.model.PaymentSequencer.Arrival;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One step per event read, or per batch of them: store each; lock the timelines of the payments
 * they are about, number what {@link PaymentSequencer} can of each payment's waiting events (these
 * included) and make those visible in their new order; an event about no payment is visible at once.
 * Every step that numbers a payment holds its timeline, and every step that gives positions holds
 * the one position counter after them (timelines in the order of their ids, then the counter, so two
 * steps never wait on each other).
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
            if (!store(command)) {
                return false;
            }
            publish(List.of(command));
            return true;
        });
    }

    @Override
    public boolean store(RecordEvent command) {
        return log.insert(command.event(), command.sourceTopic(), command.paymentId(), command.position(),
                command.afterRefundEvent(), clock.instant());
    }

    @Override
    public void publish(List<RecordEvent> stored) {
        if (stored.isEmpty()) {
            return;
        }
        var now = clock.instant();
        List<String> payments = stored.stream().map(RecordEvent::paymentId).filter(Objects::nonNull).distinct()
                .sorted().toList();
        Map<String, PaymentTimeline> timelines = payments.isEmpty() ? Map.of() : log.lockTimelines(payments, now);
        Map<String, List<Arrival<EventId>>> waiting = payments.isEmpty() ? Map.of() : log.waiting(payments);
        Map<EventId, Long> sequences = new LinkedHashMap<>();
        Map<String, PaymentTimeline> moved = new LinkedHashMap<>();
        List<EventId> visible = new ArrayList<>();
        Set<String> numbered = new HashSet<>();
        for (RecordEvent command : stored) {
            if (command.paymentId() == null) {
                visible.add(command.event().id());
                continue;
            }
            if (!numbered.add(command.paymentId())) {
                continue; // the payment's events were numbered with its first in this step
            }
            PaymentSequencer.Result<EventId> result = PaymentSequencer.number(timelines.get(command.paymentId()),
                    waiting.getOrDefault(command.paymentId(), List.of()));
            for (PaymentSequencer.Numbered<EventId> n : result.numbered()) {
                sequences.put(n.event(), n.sequence());
                visible.add(n.event());
            }
            if (!result.numbered().isEmpty()) {
                moved.put(command.paymentId(), result.timeline());
            }
        }
        if (!sequences.isEmpty()) {
            log.assignSequences(sequences);
            log.saveTimelines(moved, now);
        }
        log.appendVisible(visible);
    }
}
