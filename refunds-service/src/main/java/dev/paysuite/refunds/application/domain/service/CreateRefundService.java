package dev.paysuite.refunds.application.domain.service;

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
import java.util.Optional;

/**
 * Refunds a payment against the local view of it, never by asking payments-service. The payment's
 * view is locked while the refund claims its amount, so concurrent refunds of one payment, on any
 * instance, never claim more than was captured.
 */
public class CreateRefundService implements CreateRefundUseCase {
    private final LoadRefundablePaymentPort loadPayment;
    private final SaveRefundablePaymentPort savePayment;
    private final SaveRefundPort refunds;
    private final PublishRefundEventPort events;
    private final RefundProcessorPort processor;
    private final RefundSettings settings;
    private final Clock clock;

    public CreateRefundService(LoadRefundablePaymentPort loadPayment, SaveRefundablePaymentPort savePayment,
            SaveRefundPort refunds, PublishRefundEventPort events, RefundProcessorPort processor,
            RefundSettings settings, Clock clock) {
        this.loadPayment = loadPayment;
        this.savePayment = savePayment;
        this.refunds = refunds;
        this.events = events;
        this.processor = processor;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Refund create(CreateRefundCommand command) {
        awaitNewsOfThePayment(command);
        RefundablePayment payment = loadPayment.lock(command.paymentId())
                .filter(p -> ownedBy(p, command))
                .orElseThrow(() -> RefundException.paymentNotFound(command.paymentId()));
        RefundablePayment reserved = payment.reserve(command.amount(), command.currency());
        long amount = reserved.amountReserved() - payment.amountReserved();
        Instant now = Now.of(clock);

        List<RefundEvent> announced = new ArrayList<>();
        Refund.Change opened = Refund.open(reserved, amount, command.reason(), command.metadata(), now);
        RefundablePayment numbered = reserved.nextEvent();
        announced.add(opened.eventNumbered(numbered.refundEventSequence()));

        PaymentSnapshot p = reserved.payment();
        Refund refund = opened.refund();
        ProcessorOutcome outcome = processor.refund(new RefundInstruction(refund.id(), p.paymentId(), amount,
                p.currency(), p.cardLast4(), p.livemode()));
        refund = refund.submitted(outcome.reference(), now);
        if (outcome instanceof ProcessorOutcome.Succeeded) {
            Refund.Change done = refund.succeed(now);
            numbered = numbered.nextEvent();
            announced.add(done.eventNumbered(numbered.refundEventSequence()));
            refund = done.refund();
        } else if (outcome instanceof ProcessorOutcome.Failed failed) {
            Refund.Change done = refund.fail(failed.reason(), now);
            numbered = numbered.release(amount).nextEvent();
            announced.add(done.eventNumbered(numbered.refundEventSequence()));
            refund = done.refund();
        }
        refunds.insert(refund);
        savePayment.save(numbered);
        events.publish(announced);
        return refund;
    }

    /**
     * A payment that succeeded a moment ago may not be in the local view yet, or may still show an
     * earlier state: wait a little for payments.events rather than answer a false 404 or 400.
     */
    private void awaitNewsOfThePayment(CreateRefundCommand command) {
        long deadline = System.nanoTime() + settings.projectionWait().toNanos();
        while (true) {
            Optional<RefundablePayment> seen = loadPayment.find(command.paymentId()).filter(p -> ownedBy(p, command));
            boolean settled = seen.isPresent() && !seen.get().mayBecomeRefundable();
            if (settled || System.nanoTime() >= deadline) {
                return;
            }
            try {
                Thread.sleep(settings.projectionPoll().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean ownedBy(RefundablePayment payment, CreateRefundCommand command) {
        return payment.payment().merchantId().equals(command.merchantId())
                && payment.payment().livemode() == command.livemode();
    }
}
