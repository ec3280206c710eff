package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.DisputeId;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.payments.application.domain.model.Dispute;
import dev.paysuite.payments.application.domain.model.DisputeEvidence;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.port.in.DisputeRef;
import dev.paysuite.payments.application.port.in.ManageDisputesUseCase;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.in.SyncDisputesUseCase;
import dev.paysuite.payments.application.port.out.DisputeAcquirerPort;
import dev.paysuite.payments.application.port.out.DisputeStorePort;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PublishDisputeEventPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Disputes: the merchant's side through the API, and the acquirer's through {@link #sync}. Every
 * change is one step that locks the payment, then the dispute, changes both and announces the
 * dispute's event as the payment's next. A merchant's answer (evidence submitted, dispute accepted)
 * is told to the acquirer after that step commits, never inside it; if that call fails, the answer
 * stays marked {@code acquirerPending} and the next {@link #sync} tells it.
 */
public class DisputesService implements ManageDisputesUseCase, SyncDisputesUseCase {
    private static final Logger LOG = Logger.getLogger(DisputesService.class.getName());

    private final DisputeStorePort disputes;
    private final LoadPaymentPort payments;
    private final SavePaymentPort savePayments;
    private final PublishDisputeEventPort events;
    private final DisputeAcquirerPort acquirer;
    private final Transactions transactions;
    private final Clock clock;

    public DisputesService(DisputeStorePort disputes, LoadPaymentPort payments, SavePaymentPort savePayments,
            PublishDisputeEventPort events, DisputeAcquirerPort acquirer, Transactions transactions, Clock clock) {
        this.disputes = disputes;
        this.payments = payments;
        this.savePayments = savePayments;
        this.events = events;
        this.acquirer = acquirer;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Dispute get(DisputeRef ref) {
        return disputes.load(ref).orElseThrow(() -> notFound(ref.id().value()));
    }

    @Override
    public Page<Dispute> list(String merchantId, boolean livemode, Filter filter, PageQuery query) {
        PageRequest request = query.resolve(id -> DisputeId.isWellFormed(id)
                ? disputes.load(new DisputeRef(merchantId, livemode, new DisputeId(id)))
                : Optional.empty());
        Slice<Dispute> slice = disputes.list(merchantId, livemode, filter.paymentId(), filter.status(), request);
        return Page.of(request, slice, disputes.count(merchantId, livemode, filter.paymentId(), filter.status()));
    }

    @Override
    public Dispute giveEvidence(DisputeRef ref, DisputeEvidence evidence, boolean submit) {
        return tellAcquirer(change(ref, (d, p) -> d.giveEvidence(evidence, submit, p, Now.of(clock))));
    }

    @Override
    public Dispute accept(DisputeRef ref) {
        return tellAcquirer(change(ref, (d, p) -> d.accept(p, Now.of(clock))));
    }

    private Dispute change(DisputeRef ref, BiFunction<Dispute, Payment, Dispute.Change> change) {
        Dispute read = get(ref);
        return transactions.inTransaction(() -> {
            Payment payment = lockPayment(read);
            Dispute locked = disputes.loadForUpdate(read.id()).orElseThrow(() -> notFound(ref.id().value()));
            Dispute.Change changed = change.apply(locked, payment);
            save(changed);
            return changed.dispute();
        });
    }

    private Payment lockPayment(Dispute dispute) {
        return payments.loadForUpdate(new PaymentRef(dispute.merchantId(), dispute.livemode(), dispute.paymentId()))
                .orElseThrow(() -> new IllegalStateException("the payment of dispute " + dispute.id() + " is gone"));
    }

    private void save(Dispute.Change changed) {
        savePayments.update(changed.payment());
        disputes.update(changed.dispute());
        events.publish(changed.event());
    }

    /** Tells the acquirer the merchant's answer; if it cannot be told now, {@link #sync} tells it later. */
    private Dispute tellAcquirer(Dispute dispute) {
        if (dispute.acquirerPending() == null) {
            return dispute;
        }
        try {
            return told(dispute);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The acquirer could not be told of dispute {0} now; it will be told later: {1}",
                    new Object[] { dispute.id(), e.getMessage() });
            return dispute;
        }
    }

    /** Tells the acquirer (which does what it is told once per dispute), then records that it was told. */
    private Dispute told(Dispute dispute) {
        if (dispute.acquirerPending() == Dispute.AcquirerInstruction.SUBMIT) {
            acquirer.submitEvidence(dispute.acquirerReference(), dispute.evidence());
        } else {
            acquirer.accept(dispute.acquirerReference());
        }
        return transactions.inTransaction(() -> {
            Dispute locked = disputes.loadForUpdate(dispute.id()).orElseThrow();
            if (locked.acquirerPending() == null) {
                return locked;
            }
            Dispute after = locked.acquirerTold();
            disputes.update(after);
            return after;
        });
    }

    @Override
    public int sync(int atMost) {
        int done = 0;
        for (DisputeAcquirerPort.Notice notice : acquirer.notifications(atMost)) {
            try {
                transactions.inTransaction(() -> apply(notice));
                acquirer.acknowledge(notice);
                done++;
            } catch (RuntimeException e) {
                // not acknowledged: read again next round
                LOG.log(Level.WARNING, "Dispute notification {0} could not be applied now, will retry: {1}",
                        new Object[] { notice.reference(), e.getMessage() });
            }
        }
        for (DisputeId id : disputes.awaitingAcquirer(atMost)) {
            Optional<Dispute> dispute = disputes.loadById(id);
            if (dispute.isPresent() && dispute.get().acquirerPending() != null) {
                told(dispute.get());
                done++;
            }
        }
        return done;
    }

    private void apply(DisputeAcquirerPort.Notice notice) {
        if (notice instanceof DisputeAcquirerPort.Opened opened) {
            open(opened);
        } else if (notice instanceof DisputeAcquirerPort.Decided decided) {
            decide(decided);
        }
    }

    /** Opens the dispute once: the payment's lock orders two instances reading the same notification. */
    private void open(DisputeAcquirerPort.Opened opened) {
        Optional<Payment> payment = payments.loadForUpdate(new PaymentRef(opened.merchantId(), opened.livemode(),
                opened.paymentId()));
        if (payment.isEmpty()) {
            LOG.log(Level.WARNING, "The acquirer told of dispute {0} of payment {1}, which does not exist here",
                    new Object[] { opened.reference(), opened.paymentId() });
            return;
        }
        if (disputes.findByAcquirerReference(opened.reference()).isPresent()) {
            return;
        }
        Optional<Dispute.Change> change = Dispute.open(DisputeId.generate(), payment.get(), opened.reference(),
                opened.amount(), opened.reason(), opened.evidenceDueBy(), Now.of(clock));
        if (change.isEmpty()) {
            LOG.log(Level.INFO, "Dispute {0} of payment {1} claims nothing left to dispute (refunded); not opened",
                    new Object[] { opened.reference(), opened.paymentId() });
            return;
        }
        savePayments.update(change.get().payment());
        disputes.insert(change.get().dispute());
        events.publish(change.get().event());
    }

    private void decide(DisputeAcquirerPort.Decided decided) {
        Optional<Dispute> known = disputes.findByAcquirerReference(decided.reference());
        if (known.isEmpty()) {
            LOG.log(Level.WARNING, "The acquirer decided dispute {0}, which was never opened here",
                    decided.reference());
            return;
        }
        Payment payment = lockPayment(known.get());
        Dispute locked = disputes.loadForUpdate(known.get().id()).orElseThrow();
        locked.decide(decided.outcome(), payment, Now.of(clock)).ifPresent(this::save);
    }

    static PaymentException notFound(String id) {
        return new PaymentException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                "No such dispute: '" + id + "'", "id");
    }
}
