package dev.paysuite.refunds.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.error.ProcessorOutcomeUnknownException;
import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.refunds.application.domain.model.ProcessorOutcome;
import dev.paysuite.refunds.application.domain.model.Refund;
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
import java.util.List;

/**
 * Refunds a payment against the local view of it, never by asking payments-service, in two steps
 * around the processor. First the payment's view is locked while the refund claims its amount, so
 * concurrent refunds of one payment, on any instance, never claim more than was captured, and the
 * refund is recorded pending (and announced); then the processor is asked, with no transaction or
 * lock held; then its answer is recorded ({@link SettleRefundsService}).
 */
public class CreateRefundService implements CreateRefundUseCase {
    private final LoadRefundablePaymentPort loadPayment;
    private final SaveRefundablePaymentPort savePayment;
    private final SaveRefundPort refunds;
    private final PublishRefundEventPort events;
    private final RefundProcessorPort processor;
    private final SettleRefundsService settling;
    private final Transactions transactions;
    private final Clock clock;

    public CreateRefundService(LoadRefundablePaymentPort loadPayment, SaveRefundablePaymentPort savePayment,
            SaveRefundPort refunds, PublishRefundEventPort events, RefundProcessorPort processor,
            SettleRefundsService settling, Transactions transactions, Clock clock) {
        this.loadPayment = loadPayment;
        this.savePayment = savePayment;
        this.refunds = refunds;
        this.events = events;
        this.processor = processor;
        this.settling = settling;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Refund create(CreateRefundCommand command, Recorded recorded) {
        Opened opened = transactions.inTransaction(() -> open(command, recorded));
        ProcessorOutcome outcome;
        try {
            outcome = processor.refund(opened.instruction());
        } catch (ProcessorOutcomeUnknownException unknown) {
            return opened.refund();
        }
        return settling.record(opened.refund(), outcome);
    }

    private record Opened(Refund refund, RefundInstruction instruction) {
    }

    private Opened open(CreateRefundCommand command, Recorded recorded) {
        RefundablePayment payment = loadPayment.lock(command.paymentId())
                .filter(p -> p.payment().ownedBy(command.merchantId(), command.livemode()))
                .orElseThrow(() -> RefundException.paymentNotFound(command.paymentId()));
        RefundablePayment reserved = payment.reserve(command.amount(), command.currency());
        long amount = reserved.amountReserved() - payment.amountReserved();
        Refund.Change opened = Refund.open(reserved, amount, command.reason(), command.metadata(), Now.of(clock));
        RefundablePayment numbered = reserved.nextEvent();
        refunds.insert(opened.refund());
        savePayment.save(numbered);
        events.publish(List.of(opened.eventNumbered(numbered)));
        recorded.object(opened.refund().id());
        return new Opened(opened.refund(), RefundInstruction.of(opened.refund(), numbered.payment()));
    }
}
