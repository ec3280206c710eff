package dev.paysuite.refunds.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.error.ProcessorOutcomeUnknownException;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.refunds.application.domain.model.ProcessorOutcome;
import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.domain.model.RefundStatus;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import dev.paysuite.refunds.application.port.in.SettleRefundsUseCase;
import dev.paysuite.refunds.application.port.out.LoadRefundPort;
import dev.paysuite.refunds.application.port.out.LoadRefundablePaymentPort;
import dev.paysuite.refunds.application.port.out.PublishRefundEventPort;
import dev.paysuite.refunds.application.port.out.RefundInstruction;
import dev.paysuite.refunds.application.port.out.RefundProcessorPort;
import dev.paysuite.refunds.application.port.out.SaveRefundPort;
import dev.paysuite.refunds.application.port.out.SaveRefundablePaymentPort;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Records what the processor said of a refund, in a step of its own, and finishes refunds left
 * pending: those the processor answered "pending" for, once it decided, and those whose answer never
 * came (a crash, a timeout), by asking the processor what it did under the refund's id, or sending
 * it again under that id when it never received it. A failed refund gives its amount back to the
 * payment. Pending refunds live in the database, so this survives restarts; the processor is asked
 * with no transaction or lock held, and a refund is recorded once (each step locks it and checks
 * it is still pending).
 */
public class SettleRefundsService implements SettleRefundsUseCase {
    private final LoadRefundPort loadRefunds;
    private final SaveRefundPort saveRefund;
    private final LoadRefundablePaymentPort loadPayment;
    private final SaveRefundablePaymentPort savePayment;
    private final PublishRefundEventPort events;
    private final RefundProcessorPort processor;
    private final Duration unansweredAfter;
    private final Transactions transactions;
    private final Clock clock;

    /** @param unansweredAfter how long a refund the processor has not answered for may still be answered */
    public SettleRefundsService(LoadRefundPort loadRefunds, SaveRefundPort saveRefund,
            LoadRefundablePaymentPort loadPayment, SaveRefundablePaymentPort savePayment, PublishRefundEventPort events,
            RefundProcessorPort processor, Duration unansweredAfter, Transactions transactions, Clock clock) {
        this.loadRefunds = loadRefunds;
        this.saveRefund = saveRefund;
        this.loadPayment = loadPayment;
        this.savePayment = savePayment;
        this.events = events;
        this.processor = processor;
        this.unansweredAfter = unansweredAfter;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int settlePending(int atMost) {
        int settled = 0;
        for (Refund refund : loadRefunds.pending(atMost)) {
            boolean unanswered = refund.processorReference() == null;
            if (unanswered && refund.createdAt().isAfter(Now.of(clock).minus(unansweredAfter))) {
                continue; // its request may still be answered
            }
            Optional<ProcessorOutcome> outcome = ask(refund);
            if (outcome.isPresent() && record(refund, outcome.get()).status() != RefundStatus.PENDING) {
                settled++;
            }
        }
        return settled;
    }

    private Optional<ProcessorOutcome> ask(Refund refund) {
        try {
            Optional<ProcessorOutcome> known = processor.status(refund);
            if (known.isPresent()) {
                return known;
            }
            RefundablePayment payment = loadPayment.find(refund.paymentId()).orElseThrow(
                    () -> new IllegalStateException("refund " + refund.id() + " of an unknown payment"));
            return Optional.of(processor.refund(RefundInstruction.of(refund, payment.payment())));
        } catch (ProcessorOutcomeUnknownException unknown) {
            return Optional.empty();
        }
    }

    /** Records the processor's answer for a pending refund, unless it was recorded meanwhile. */
    Refund record(Refund pending, ProcessorOutcome outcome) {
        return transactions.inTransaction(() -> {
            Refund refund = loadRefunds.lock(pending.id()).orElseThrow(
                    () -> new IllegalStateException("refund " + pending.id() + " vanished"));
            if (refund.status() != RefundStatus.PENDING) {
                return refund;
            }
            if (outcome instanceof ProcessorOutcome.Pending) {
                if (refund.processorReference() == null) {
                    refund = refund.submitted(outcome.reference(), Now.of(clock));
                    saveRefund.update(refund);
                }
                return refund;
            }
            RefundablePayment payment = loadPayment.lock(refund.paymentId()).orElseThrow(
                    () -> new IllegalStateException("refund " + pending.id() + " of an unknown payment"));
            Refund submitted = refund.processorReference() == null ? refund.submitted(outcome.reference(), Now.of(clock))
                    : refund;
            Refund.Change change;
            if (outcome instanceof ProcessorOutcome.Failed failed) {
                change = submitted.fail(failed.reason(), Now.of(clock));
                payment = payment.release(refund.amount().amount());
            } else {
                change = submitted.succeed(Now.of(clock));
            }
            payment = payment.nextEvent();
            saveRefund.update(change.refund());
            savePayment.save(payment);
            events.publish(List.of(change.eventNumbered(payment)));
            return change.refund();
        });
    }
}
