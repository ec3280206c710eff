package dev.paysuite.refunds.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.refunds.application.domain.model.ProcessorOutcome;
import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import dev.paysuite.refunds.application.port.in.SettleRefundsUseCase;
import dev.paysuite.refunds.application.port.out.LoadRefundPort;
import dev.paysuite.refunds.application.port.out.LoadRefundablePaymentPort;
import dev.paysuite.refunds.application.port.out.PublishRefundEventPort;
import dev.paysuite.refunds.application.port.out.RefundProcessorPort;
import dev.paysuite.refunds.application.port.out.SaveRefundPort;
import dev.paysuite.refunds.application.port.out.SaveRefundablePaymentPort;
import java.time.Clock;
import java.util.List;

/**
 * Finishes refunds the processor answered "pending" for, once it has decided, a batch per step. A
 * failed refund gives its amount back to the payment. Pending refunds live in the database, so this survives
 * restarts, and instances never settle the same refund twice (each locks what it settles).
 */
public class SettleRefundsService implements SettleRefundsUseCase {
    private final LoadRefundPort loadRefunds;
    private final SaveRefundPort saveRefund;
    private final LoadRefundablePaymentPort loadPayment;
    private final SaveRefundablePaymentPort savePayment;
    private final PublishRefundEventPort events;
    private final RefundProcessorPort processor;
    private final Transactions transactions;
    private final Clock clock;

    public SettleRefundsService(LoadRefundPort loadRefunds, SaveRefundPort saveRefund,
            LoadRefundablePaymentPort loadPayment, SaveRefundablePaymentPort savePayment, PublishRefundEventPort events,
            RefundProcessorPort processor, Transactions transactions, Clock clock) {
        this.loadRefunds = loadRefunds;
        this.saveRefund = saveRefund;
        this.loadPayment = loadPayment;
        this.savePayment = savePayment;
        this.events = events;
        this.processor = processor;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int settlePending(int atMost) {
        return transactions.inTransaction(() -> settle(atMost));
    }

    private int settle(int atMost) {
        int settled = 0;
        for (Refund refund : loadRefunds.lockPending(atMost)) {
            ProcessorOutcome outcome = processor.status(refund);
            if (outcome instanceof ProcessorOutcome.Pending) {
                continue;
            }
            RefundablePayment payment = loadPayment.lock(refund.paymentId())
                    .orElseThrow(() -> new IllegalStateException("refund " + refund.id() + " of an unknown payment"));
            Refund.Change change;
            if (outcome instanceof ProcessorOutcome.Failed failed) {
                change = refund.fail(failed.reason(), Now.of(clock));
                payment = payment.release(refund.amount().amount());
            } else {
                change = refund.succeed(Now.of(clock));
            }
            payment = payment.nextEvent();
            saveRefund.update(change.refund());
            savePayment.save(payment);
            events.publish(List.of(change.eventNumbered(payment)));
            settled++;
        }
        return settled;
    }
}
