package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.SubscriptionId;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.payments.application.domain.model.CaptureMethod;
import dev.paysuite.payments.application.domain.model.DunningPolicy;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.domain.model.Subscription;
import dev.paysuite.payments.application.port.in.CancelPaymentCommand;
import dev.paysuite.payments.application.port.in.CancelPaymentUseCase;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.in.RunSubscriptionsUseCase;
import dev.paysuite.payments.application.port.out.LoadCustomerPort;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.PublishSubscriptionEventPort;
import dev.paysuite.payments.application.port.out.ResolvePaymentMethodPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import dev.paysuite.payments.application.port.out.SubscriptionStorePort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Does what is due for a subscription: settles the outcome of its cycle's payment, charges the
 * next cycle or retries a failed one, or ends it.
 *
 * <p>Charging follows the payments' two phases. The method is resolved with no lock held; then, in
 * one step under the subscription's row lock, the subscription is checked unchanged since it was
 * read (another instance did not act meanwhile), the attempt is recorded once
 * ({@code subscription_attempts}' key refuses a second), and the payment is opened naming the
 * subscription. The processor is asked after that step, and the outcome recorded in another. A
 * crash anywhere leaves either nothing done (done again later) or a payment the reconciler finishes
 * and the next run settles: a cycle is never charged twice, and never lost.
 */
public class RunSubscriptionsService implements RunSubscriptionsUseCase {
    /** How long a cycle's payment may stay unsettled before the scheduler settles it itself. */
    static final Duration SETTLE_AFTER = Duration.ofSeconds(10);
    /** Steps one run takes at most (settle, charge, settle, end...): never a loop. */
    static final int MAX_STEPS = 6;

    private final SubscriptionStorePort store;
    private final PublishSubscriptionEventPort events;
    private final LoadCustomerPort customers;
    private final ResolvePaymentMethodPort methods;
    private final LoadPaymentPort loadPayments;
    private final SavePaymentPort savePayments;
    private final PublishPaymentEventPort paymentEvents;
    private final ProcessPaymentService processing;
    private final CancelPaymentUseCase cancelPayments;
    private final Transactions transactions;
    private final DunningPolicy dunning;
    private final Clock clock;

    public RunSubscriptionsService(SubscriptionStorePort store, PublishSubscriptionEventPort events,
            LoadCustomerPort customers, ResolvePaymentMethodPort methods, LoadPaymentPort loadPayments,
            SavePaymentPort savePayments, PublishPaymentEventPort paymentEvents, ProcessPaymentService processing,
            CancelPaymentUseCase cancelPayments, Transactions transactions, DunningPolicy dunning, Clock clock) {
        this.store = store;
        this.events = events;
        this.customers = customers;
        this.methods = methods;
        this.loadPayments = loadPayments;
        this.savePayments = savePayments;
        this.paymentEvents = paymentEvents;
        this.processing = processing;
        this.cancelPayments = cancelPayments;
        this.transactions = transactions;
        this.dunning = dunning;
        this.clock = clock;
    }

    @Override
    public List<SubscriptionId> due(Instant now, int atMost) {
        return store.due(now, now.minus(SETTLE_AFTER), atMost);
    }

    @Override
    public List<SubscriptionId> dueOnClock(TestClockId clock, Instant at) {
        return store.dueOnClock(clock, at, 100);
    }

    @Override
    public Optional<Instant> nextDueOnClock(TestClockId clock) {
        return store.nextDueOnClock(clock);
    }

    @Override
    public void run(SubscriptionId id, Instant now) {
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<Subscription> read = store.loadById(id);
            if (read.isEmpty()) {
                return;
            }
            Subscription s = read.get();
            boolean moved;
            if (s.pendingPayment() != null) {
                moved = settle(s, now);
            } else {
                moved = switch (s.step(now)) {
                    case NOTHING -> false;
                    case END -> change(s, locked -> locked.end(now));
                    case CHARGE -> charge(s, now);
                };
            }
            if (!moved) {
                return;
            }
        }
    }

    /** Records the outcome of the cycle's payment, once it has one; false while it is still being processed. */
    private boolean settle(Subscription s, Instant now) {
        PaymentRef ref = new PaymentRef(s.merchantId(), s.livemode(), s.pendingPayment());
        Optional<Payment> payment = loadPayments.load(ref);
        if (payment.isEmpty()) {
            throw new IllegalStateException(s.id() + " waits for " + s.pendingPayment() + ", which does not exist");
        }
        PaymentStatus status = payment.get().status();
        if (status == PaymentStatus.REQUIRES_ACTION) {
            // Nobody is there to authenticate a charge made off-session: it fails, and dunning goes on.
            try {
                status = cancelPayments.cancel(new CancelPaymentCommand(ref, "authentication_required")).status();
            } catch (DomainException raced) {
                status = loadPayments.load(ref).map(Payment::status).orElse(status);
            }
        }
        boolean succeeded = status == PaymentStatus.SUCCEEDED || status == PaymentStatus.PARTIALLY_REFUNDED
                || status == PaymentStatus.REFUNDED;
        boolean failed = status == PaymentStatus.FAILED || status == PaymentStatus.CANCELED;
        if (!succeeded && !failed) {
            return false; // processing: the reconciler finishes it, and a later run settles it
        }
        PaymentId paid = s.pendingPayment();
        return change(s, locked -> succeeded ? locked.attemptSucceeded(paid, now)
                : locked.attemptFailed(paid, dunning, now));
    }

    private boolean charge(Subscription s, Instant now) {
        String method = s.paymentMethodId();
        if (s.retrying()) {
            // Dunning retries with the customer's default method if it changed since
            Optional<String> preferred = customers.load(s.merchantId(), s.livemode(), s.customerId())
                    .map(LoadCustomerPort.CustomerRecord::defaultPaymentMethodId);
            if (preferred.isPresent() && preferred.get().startsWith("pm_")) {
                method = preferred.get();
            }
        }
        PaymentSource source = PaymentSource.StoredMethod.of(method);
        Optional<PaymentInstrument> instrument = methods.resolve(s.merchantId(), s.livemode(), source);
        Payment.Change opened = null;
        if (instrument.isPresent()) {
            try {
                // Opened at real time (the reconciler goes by when its authorization was submitted),
                // dated at the subscription's time: its clock's, for one on a test clock
                Payment.Change open = Payment.open(PaymentId.generate(), s.merchantId(), s.livemode(), s.amount(),
                        source, CaptureMethod.AUTOMATIC, instrument.get(),
                        "Subscription " + s.id() + ", cycle " + s.chargeCycle(), s.customerId(), s.metadata(), null,
                        null, s.id(), s.testClock(), Now.of(clock));
                opened = s.testClock() == null ? open : open.createdAt(now);
            } catch (DomainException refused) {
                opened = null; // the method cannot pay this (its currency): a failed attempt
            }
        }
        Payment.Change payment = opened;
        String chargedMethod = method;
        Attempt attempt = transactions.inTransaction(() -> {
            Subscription locked = store.loadForUpdate(s.id()).orElse(null);
            if (locked == null || !locked.equals(s)) {
                return Attempt.NONE; // another run moved it meanwhile
            }
            Subscription.Change change;
            if (payment == null) {
                change = locked.attemptImpossible(dunning, now);
            } else {
                change = locked.attemptStarted(payment.payment().id(), chargedMethod, now);
                store.recordAttempt(s.id(), change.subscription().currentCycle(), change.subscription().attempt(),
                        payment.payment().id(), now);
                savePayments.insert(payment.payment());
                paymentEvents.publish(List.of(payment.event()));
            }
            store.update(change.subscription());
            events.publish(change.events());
            return payment == null ? Attempt.FAILED : Attempt.STARTED;
        });
        if (attempt == Attempt.STARTED) {
            processing.process(payment.payment());
        }
        return attempt != Attempt.NONE;
    }

    private enum Attempt { NONE, FAILED, STARTED }

    /** Applies a change to the subscription under its lock, if nobody moved it since {@code read}. */
    private boolean change(Subscription read, java.util.function.Function<Subscription, Subscription.Change> change) {
        return transactions.inTransaction(() -> {
            Subscription locked = store.loadForUpdate(read.id()).orElse(null);
            if (locked == null || !locked.equals(read)) {
                return false;
            }
            Subscription.Change changed = change.apply(locked);
            store.update(changed.subscription());
            events.publish(changed.events());
            return true;
        });
    }
}
