package dev.paysuite.refunds.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.refunds.application.domain.model.PaymentSnapshot;
import dev.paysuite.refunds.application.domain.model.ProcessorOutcome;
import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.domain.model.RefundEvent;
import dev.paysuite.refunds.application.domain.model.RefundException;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import dev.paysuite.refunds.application.port.in.CreateRefundCommand;
import dev.paysuite.refunds.application.port.in.CreateRefundUseCase;
import dev.paysuite.refunds.application.port.out.LoadRefundablePaymentPort;
import dev.paysuite.refunds.application.port.out.PublishRefundEventPort;
import dev.paysuite.refunds.application.port.out.RefundInstruction;
import dev.paysuite.refunds.application.port.out.RefundProcessorPort;
import dev.paysuite.refunds.application.port.out.SaveRefundPort;
import dev.paysuite.refunds.application.port.out.SaveRefundablePaymentPort;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Refunds a payment against the local view of it, never by asking payments-service, in one step:
 * the payment's view is locked while the refund claims its amount, so concurrent refunds of one
 * payment, on any instance, never claim more than was captured.
 */
public class CreateRefundService implements CreateRefundUseCase {
    private final LoadRefundablePaymentPort loadPayment;
    private final SaveRefundablePaymentPort savePayment;
    private final SaveRefundPort refunds;
    private final PublishRefundEventPort events;
    private final RefundProcessorPort processor;
    private final Transactions transactions;
    private final Clock clock;

    public CreateRefundService(LoadRefundablePaymentPort loadPayment, SaveRefundablePaymentPort savePayment,
            SaveRefundPort refunds, PublishRefundEventPort events, RefundProcessorPort processor,
            Transactions transactions, Clock clock) {
        this.loadPayment = loadPayment;
        this.savePayment = savePayment;
        this.refunds = refunds;
        this.events = events;
        this.processor = processor;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Refund create(CreateRefundCommand command) {
        return transactions.inTransaction(() -> refund(command));
    }

    private Refund refund(CreateRefundCommand command) {
        RefundablePayment payment = loadPayment.lock(command.paymentId())
                .filter(p -> p.payment().ownedBy(command.merchantId(), command.livemode()))
                .orElseThrow(() -> RefundException.paymentNotFound(command.paymentId()));
        RefundablePayment reserved = payment.reserve(command.amount(), command.currency());
        long amount = reserved.amountReserved() - payment.amountReserved();
        Instant now = Now.of(clock);

        List<RefundEvent> announced = new ArrayList<>();
        Refund.Change opened = Refund.open(reserved, amount, command.reason(), command.metadata(), now);
        RefundablePayment numbered = reserved.nextEvent();
        announced.add(opened.eventNumbered(numbered));

        PaymentSnapshot p = reserved.payment();
        Refund refund = opened.refund();
        ProcessorOutcome outcome = processor.refund(new RefundInstruction(refund.id(), p.paymentId(), refund.amount(),
                p.cardLast4(), p.livemode()));
        refund = refund.submitted(outcome.reference(), now);
        if (outcome instanceof ProcessorOutcome.Succeeded) {
            Refund.Change done = refund.succeed(now);
            numbered = numbered.nextEvent();
            announced.add(done.eventNumbered(numbered));
            refund = done.refund();
        } else if (outcome instanceof ProcessorOutcome.Failed failed) {
            Refund.Change done = refund.fail(failed.reason(), now);
            numbered = numbered.release(amount).nextEvent();
            announced.add(done.eventNumbered(numbered));
            refund = done.refund();
        }
        refunds.insert(refund);
        savePayment.save(numbered);
        events.publish(announced);
        return refund;
    }
}
