package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.SubscriptionId;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.payments.application.domain.model.PaymentErrorCodes;
import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.domain.model.Subscription;
import dev.paysuite.payments.application.domain.model.TestClock;
import dev.paysuite.payments.application.port.in.ManageSubscriptionsUseCase;
import dev.paysuite.payments.application.port.in.RunSubscriptionsUseCase;
import dev.paysuite.payments.application.port.in.SubscriptionRef;
import dev.paysuite.payments.application.port.in.TestClockRef;
import dev.paysuite.payments.application.port.out.LoadCustomerPort;
import dev.paysuite.payments.application.port.out.PublishSubscriptionEventPort;
import dev.paysuite.payments.application.port.out.ResolvePaymentMethodPort;
import dev.paysuite.payments.application.port.out.SubscriptionStorePort;
import dev.paysuite.payments.application.port.out.TestClockStorePort;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A merchant's subscriptions through the API. A subscription runs on its test clock's time when
 * its customer (or the request) names one, on real time otherwise. The customer and the method are
 * checked with methods-service when the subscription is made: the method must be the customer's
 * (or a shared test method, in test mode) and able to pay the currency.
 */
public class ManageSubscriptionsService implements ManageSubscriptionsUseCase {
    private final SubscriptionStorePort store;
    private final PublishSubscriptionEventPort events;
    private final TestClockStorePort clocks;
    private final LoadCustomerPort customers;
    private final ResolvePaymentMethodPort methods;
    private final RunSubscriptionsUseCase runner;
    private final Transactions transactions;
    private final Clock clock;

    public ManageSubscriptionsService(SubscriptionStorePort store, PublishSubscriptionEventPort events,
            TestClockStorePort clocks, LoadCustomerPort customers, ResolvePaymentMethodPort methods,
            RunSubscriptionsUseCase runner, Transactions transactions, Clock clock) {
        this.store = store;
        this.events = events;
        this.clocks = clocks;
        this.customers = customers;
        this.methods = methods;
        this.runner = runner;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Subscription create(String merchantId, boolean livemode, Subscription.Draft draft, Recorded recorded) {
        // The draft's own rules first, before asking anyone anything (its times are checked against
        // the subscription's own time below, once its clock is known)
        Subscription.create(SubscriptionId.generate(), merchantId, livemode, draft,
                draft.startAt() == null ? Now.of(clock) : draft.startAt());
        LoadCustomerPort.CustomerRecord customer = customers.load(merchantId, livemode, draft.customerId())
                .orElseThrow(() -> PaymentException.invalid(ErrorCodes.RESOURCE_MISSING,
                        "No such customer: '" + draft.customerId() + "'", "customerId"));
        TestClockId clockId = clockOf(draft, customer);
        Instant now = Now.of(clock);
        if (clockId != null) {
            if (livemode) {
                throw TestClock.testModeOnly();
            }
            now = clocks.load(new TestClockRef(merchantId, clockId)).map(TestClock::frozenTime)
                    .orElseThrow(() -> PaymentException.invalid(ErrorCodes.RESOURCE_MISSING,
                            "No such test clock: '" + clockId + "'", "testClock"));
        }
        boolean sharedTestMethod = !livemode && draft.paymentMethodId().startsWith("pm_test_");
        if (!sharedTestMethod && !customer.paymentMethods().contains(draft.paymentMethodId())) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "The payment method " + draft.paymentMethodId() + " is not attached to customer "
                            + customer.id() + ".", "paymentMethodId");
        }
        PaymentInstrument instrument = methods.resolve(merchantId, livemode,
                PaymentSource.StoredMethod.of(draft.paymentMethodId()))
                .orElseThrow(() -> PaymentException.invalid(ErrorCodes.RESOURCE_MISSING,
                        "No such payment method: '" + draft.paymentMethodId() + "'", "paymentMethodId"));
        Subscription.Draft onClock = new Subscription.Draft(draft.customerId(), draft.paymentMethodId(),
                draft.amount(), draft.currency(), draft.interval(), draft.intervalCount(), draft.startAt(),
                draft.endAt(), draft.cycles(), draft.metadata(), clockId);
        Subscription.Change created = Subscription.create(SubscriptionId.generate(), merchantId, livemode, onClock,
                now);
        if (!instrument.accepts(created.subscription().amount().currency())) {
            throw new PaymentException(DomainException.Kind.UNPROCESSABLE, PaymentErrorCodes.CURRENCY_NOT_SUPPORTED,
                    "The payment method does not support the currency "
                            + created.subscription().amount().currency().code() + ".", "currency");
        }
        transactions.inTransaction(() -> {
            store.insert(created.subscription());
            events.publish(created.events());
            recorded.object(created.subscription().id());
        });
        try {
            runner.run(created.subscription().id(), now); // a first cycle due now is charged now
        } catch (DomainException notNow) {
            // methods-service could not answer: the subscription is made, and its scheduler charges it
        }
        return store.loadById(created.subscription().id()).orElseThrow();
    }

    private static TestClockId clockOf(Subscription.Draft draft, LoadCustomerPort.CustomerRecord customer) {
        TestClockId ofCustomer = customer.testClock() == null ? null : new TestClockId(customer.testClock());
        if (draft.testClock() != null && ofCustomer != null && !draft.testClock().equals(ofCustomer)) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "The customer follows test clock " + ofCustomer + "; its subscriptions follow it too.",
                    "testClock");
        }
        return draft.testClock() != null ? draft.testClock() : ofCustomer;
    }

    @Override
    public Subscription get(SubscriptionRef ref) {
        return store.load(ref).orElseThrow(() -> notFound(ref.id().value()));
    }

    @Override
    public Page<Subscription> list(String merchantId, boolean livemode, Filter filter, PageQuery query) {
        PageRequest request = query.resolve(id -> SubscriptionId.isWellFormed(id)
                ? store.load(new SubscriptionRef(merchantId, livemode, new SubscriptionId(id)))
                : Optional.empty());
        Slice<Subscription> slice = store.list(merchantId, livemode, filter.customerId(), filter.status(), request);
        return Page.of(request, slice, store.count(merchantId, livemode, filter.customerId(), filter.status()));
    }

    @Override
    public Subscription cancel(SubscriptionRef ref, boolean atPeriodEnd) {
        return change(ref, (s, now) -> s.cancel(atPeriodEnd, now));
    }

    @Override
    public Subscription pause(SubscriptionRef ref) {
        return change(ref, (s, now) -> s.pause(now));
    }

    @Override
    public Subscription resume(SubscriptionRef ref) {
        Subscription resumed = change(ref, (s, now) -> s.resume(now));
        Instant now = timeOf(resumed);
        if (resumed.step(now) != Subscription.Step.NOTHING) {
            runner.run(resumed.id(), now);
            return get(ref);
        }
        return resumed;
    }

    private Subscription change(SubscriptionRef ref,
            java.util.function.BiFunction<Subscription, Instant, Subscription.Change> change) {
        Subscription read = get(ref);
        Instant now = timeOf(read);
        return transactions.inTransaction(() -> {
            Subscription locked = store.loadForUpdate(ref.id()).orElseThrow(() -> notFound(ref.id().value()));
            Subscription.Change changed = change.apply(locked, now);
            if (changed.subscription() != locked) {
                store.update(changed.subscription());
                events.publish(changed.events());
            }
            return changed.subscription();
        });
    }

    /** The subscription's own time: its clock's, or real time. */
    private Instant timeOf(Subscription s) {
        if (s.testClock() == null) {
            return Now.of(clock);
        }
        return clocks.load(new TestClockRef(s.merchantId(), s.testClock())).map(TestClock::frozenTime)
                .orElseGet(() -> Now.of(clock));
    }

    static PaymentException notFound(String id) {
        return new PaymentException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                "No such subscription: '" + id + "'", "id");
    }
}
