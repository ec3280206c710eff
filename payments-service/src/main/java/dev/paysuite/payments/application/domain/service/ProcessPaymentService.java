package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.error.ProcessorOutcomeUnknownException;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.payments.application.domain.model.AuthorizationResult;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.in.ReconcilePaymentsUseCase;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PaymentProcessorPort;
import dev.paysuite.payments.application.port.out.ProcessorRequest;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Phase 2 of every processor call, and the reconciler. A processing payment's pending operation is
 * sent to the processor with no transaction or lock held; its answer is recorded in a step of its
 * own, only if the payment still waits for that very operation (another instance, or the
 * reconciler, may have recorded it meanwhile). A payment left processing (its request died, or
 * the answer was lost) is resolved by asking the processor what it did under the acquirer key, or,
 * when it never received the request, by sending it again under the same key.
 */
public class ProcessPaymentService implements ReconcilePaymentsUseCase {
    private final LoadPaymentPort load;
    private final SavePaymentPort save;
    private final PublishPaymentEventPort events;
    private final PaymentProcessorPort processor;
    private final Transactions transactions;
    private final Clock clock;

    public ProcessPaymentService(LoadPaymentPort load, SavePaymentPort save, PublishPaymentEventPort events,
            PaymentProcessorPort processor, Transactions transactions, Clock clock) {
        this.load = load;
        this.save = save;
        this.events = events;
        this.processor = processor;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Asks the processor for the payment's pending operation and records the answer; without one, it stays processing. */
    public Payment process(Payment processing) {
        AuthorizationResult result;
        try {
            result = processor.submit(ProcessorRequest.of(processing));
        } catch (ProcessorOutcomeUnknownException unknown) {
            return processing;
        }
        return record(processing, result);
    }

    @Override
    public int reconcile(Duration olderThan, int atMost) {
        int resolved = 0;
        for (Payment stuck : load.processingSince(Now.of(clock).minus(olderThan), atMost)) {
            Optional<AuthorizationResult> known = processor.lookup(stuck.pending().acquirerKey());
            Payment after = known.isPresent() ? record(stuck, known.get()) : process(stuck);
            if (after.status() != PaymentStatus.PROCESSING) {
                resolved++;
            }
        }
        return resolved;
    }

    private Payment record(Payment processing, AuthorizationResult result) {
        String operation = processing.pending().acquirerKey();
        return transactions.inTransaction(() -> {
            Payment now = load.loadForUpdate(new PaymentRef(processing.merchantId(), processing.livemode(),
                    processing.id())).orElseThrow(() -> new IllegalStateException(processing.id() + " vanished"));
            if (now.pending() == null || !now.pending().acquirerKey().equals(operation)) {
                return now; // recorded already
            }
            Payment.Change change = now.recordOutcome(result, Now.of(clock));
            save.update(change.payment());
            events.publish(List.of(change.event()));
            return change.payment();
        });
    }
}
