package dev.paysuite.payments.application.domain.model;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.SubscriptionId;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.kernel.page.Listable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * A customer's stored method charged {@code amount} every {@code intervalCount} {@code interval}s
 * from {@code startAt}. Each cycle is charged by an ordinary payment naming the subscription.
 * Immutable: every change answers the subscription after it and the events that announce it.
 *
 * <p>The scheduler acts at {@link #nextAttemptAt()}: it charges the next cycle, retries a failed one
 * (dunning: {@link DunningPolicy}), or ends the subscription (its cycles or {@code endAt} reached,
 * or canceled at the period's end). While a cycle's payment is being processed
 * ({@link #pendingPayment()}), nothing else is charged; its outcome decides what comes next.
 *
 * <pre>
 * active ─ a cycle fails ─→ past_due ─ a retry succeeds ─→ active
 *                           past_due ─ every retry failed ─→ canceled (or unpaid, as configured)
 * active, past_due ─ pause ─→ paused ─ resume ─→ active (from the next period that starts)
 * unpaid ─ resume ─→ active
 * any but canceled ─ cancel ─→ canceled (at once, or at the period's end)
 * </pre>
 */
public record Subscription(SubscriptionId id, String merchantId, boolean livemode, String customerId,
        String paymentMethodId, Money amount, BillingInterval interval, int intervalCount, Instant startAt,
        Instant endAt, Integer cycles, Metadata metadata, SubscriptionStatus status, boolean cancelAtPeriodEnd,
        Instant canceledAt, String cancellationReason, int currentCycle, int cyclesPaid, int attempt,
        Instant nextAttemptAt, PaymentId pendingPayment, PaymentId latestPayment, TestClockId testClock,
        Instant createdAt, Instant updatedAt, long eventSequence) implements Listable {

    public static final int MAX_CYCLES = 10_000;
    /** How far ahead a subscription may start. */
    static final Duration LONGEST_START = Duration.ofDays(5 * 366);
    public static final String REASON_REQUESTED = "requested";
    public static final String REASON_PAYMENT_FAILED = "payment_failed";
    public static final String REASON_COMPLETED = "completed";

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(paymentMethodId, "paymentMethodId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(startAt, "startAt");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (intervalCount < 1) {
            throw new IllegalArgumentException("intervalCount < 1");
        }
    }

    /** The outcome of a change: the subscription after it and the events announcing it (none for bookkeeping). */
    public record Change(Subscription subscription, List<SubscriptionEvent> events) {
    }

    /** What a merchant asks for; validated by {@link #create}. */
    public record Draft(String customerId, String paymentMethodId, Long amount, String currency, String interval,
            Long intervalCount, Instant startAt, Instant endAt, Long cycles, Metadata metadata, TestClockId testClock) {
    }

    /** What the scheduler does with the subscription at a given time. */
    public enum Step {
        /** Nothing is due (or a cycle's payment is still being processed). */
        NOTHING,
        /** Charge the next cycle, or retry the failed one. */
        CHARGE,
        /** The subscription is over: its cycles or end reached, or canceled at the period's end. */
        END
    }

    /**
     * A new, active subscription whose first cycle is due at {@code startAt} (now when not given),
     * or the first rule the draft breaks, naming its field. {@code now} is the subscription's own
     * time: its test clock's, if it has one.
     */
    public static Change create(SubscriptionId id, String merchantId, boolean livemode, Draft d, Instant now) {
        String customer = required(d.customerId(), "customerId");
        if (!isCustomerId(customer)) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{customerId} must be a customer's id (cus_…).", "customerId");
        }
        String method = required(d.paymentMethodId(), "paymentMethodId");
        if (!method.startsWith("pm_") || method.length() > 64) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{paymentMethodId} must be a payment method's id (pm_…).", "paymentMethodId");
        }
        if (d.currency() == null) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_MISSING, "Missing required parameter: currency.",
                    "currency");
        }
        if (d.amount() == null) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_MISSING, "Missing required parameter: amount.",
                    "amount");
        }
        Money amount = Money.of(d.amount(), d.currency());
        BillingInterval interval = BillingInterval.fromWire(required(d.interval(), "interval"))
                .orElseThrow(() -> PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                        "{interval} must be one of day, week, month, year.", "interval"));
        long count = d.intervalCount() == null ? 1 : d.intervalCount();
        long most = switch (interval) {
            case DAY -> 3 * 365;
            case WEEK -> 3 * 52;
            case MONTH -> 36;
            case YEAR -> 3;
        };
        if (count < 1 || count > most) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{intervalCount} must be 1 to " + most + " for a " + interval.wireName()
                            + " interval (at most three years between charges).", "intervalCount");
        }
        Instant start = (d.startAt() == null ? now : d.startAt()).truncatedTo(ChronoUnit.MICROS);
        Instant end = d.endAt() == null ? null : d.endAt().truncatedTo(ChronoUnit.MICROS);
        if (start.isBefore(now.minusSeconds(60))) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{startAt} cannot be in the past.", "startAt");
        }
        if (start.isAfter(now.plus(LONGEST_START))) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{startAt} can be at most five years ahead.", "startAt");
        }
        if (end != null && !end.isAfter(start)) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{endAt} must be after the subscription starts.", "endAt");
        }
        if (d.cycles() != null && (d.cycles() < 1 || d.cycles() > MAX_CYCLES)) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{cycles} must be 1 to " + MAX_CYCLES + ".", "cycles");
        }
        if (d.testClock() != null && livemode) {
            throw PaymentException.invalid(PaymentErrorCodes.TEST_MODE_ONLY,
                    "Test clocks exist in test mode only: a live subscription runs on real time.", "testClock");
        }
        Subscription created = new Subscription(id, merchantId, livemode, customer, method, amount, interval,
                (int) count, start, end, d.cycles() == null ? null : d.cycles().intValue(),
                d.metadata() == null ? Metadata.EMPTY : d.metadata(), SubscriptionStatus.ACTIVE, false, null, null, 0, 0,
                0, start, null, null, d.testClock(), now, now, 1);
        return new Change(created, List.of(event(SubscriptionEvent.CREATED, created)));
    }

    /** Whether {@code value} could name a customer at all (cus_ and up to 60 letters, digits or underscores). */
    public static boolean isCustomerId(String value) {
        return CustomerId.isWellFormed(value);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_MISSING, "Missing required parameter: {" + field + "}.",
                    field);
        }
        return value;
    }

    /** When cycle {@code n} (from 1) starts: {@code n - 1} intervals after the start. */
    public Instant periodStart(int n) {
        return interval.after(startAt, (long) (n - 1) * intervalCount);
    }

    /** The period of the current cycle (the first one before any was charged). */
    public Instant currentPeriodStart() {
        return periodStart(Math.max(currentCycle, 1));
    }

    public Instant currentPeriodEnd() {
        return periodStart(Math.max(currentCycle, 1) + 1);
    }

    /** What is due at {@code now}. */
    public Step step(Instant now) {
        if (!status.charges() || pendingPayment != null || nextAttemptAt == null || now.isBefore(nextAttemptAt)) {
            return Step.NOTHING;
        }
        if (attempt > 0) {
            return Step.CHARGE;
        }
        return cancelAtPeriodEnd || over(currentCycle + 1) ? Step.END : Step.CHARGE;
    }

    /** Whether a charge now would retry the current cycle rather than start the next. */
    public boolean retrying() {
        return attempt > 0;
    }

    /** The cycle a charge now is for. */
    public int chargeCycle() {
        return attempt > 0 ? currentCycle : currentCycle + 1;
    }

    /** Which attempt at that cycle a charge now is (from 1). */
    public int chargeAttempt() {
        return attempt + 1;
    }

    private boolean over(int nextCycle) {
        return (cycles != null && cyclesPaid >= cycles) || (endAt != null && !periodStart(nextCycle).isBefore(endAt));
    }

    /**
     * A charge of {@link #chargeCycle()} began with {@code payment}, from {@code method} (the
     * customer's new default method when a retry found it changed). Starting a new cycle moves the
     * current period on ({@code subscription.updated}), as does a change of method.
     */
    public Change attemptStarted(PaymentId payment, String method, Instant now) {
        Objects.requireNonNull(payment, "payment");
        if (step(now) != Step.CHARGE) {
            throw new IllegalStateException(id + " has no charge due at " + now);
        }
        boolean newCycle = attempt == 0;
        boolean newMethod = method != null && !method.equals(paymentMethodId);
        Builder b = toBuilder().currentCycle(chargeCycle()).attempt(chargeAttempt()).pendingPayment(payment)
                .nextAttemptAt(null).paymentMethodId(newMethod ? method : paymentMethodId);
        return newCycle || newMethod ? updated(b, now) : quiet(b, now);
    }

    /** The pending cycle's payment succeeded: the cycle is paid, the next one (or the end) scheduled. */
    public Change attemptSucceeded(PaymentId payment, Instant now) {
        requirePending(payment);
        Builder b = toBuilder().cyclesPaid(cyclesPaid + 1).attempt(0).pendingPayment(null).latestPayment(payment);
        if (!status.charges()) {
            return quiet(b, now); // canceled or paused meanwhile: the money came in, nothing more is scheduled
        }
        Instant next = periodStart(currentCycle + 1);
        b.nextAttemptAt(endAt != null && endAt.isBefore(next) ? endAt : next).status(SubscriptionStatus.ACTIVE);
        return status == SubscriptionStatus.PAST_DUE ? updated(b, now) : quiet(b, now);
    }

    /**
     * The pending cycle's payment failed ({@code payment}; null when no payment could even be made,
     * the method being gone): retried as the policy says, counted from when the cycle was due, or,
     * when no retry is left, canceled or unpaid.
     */
    public Change attemptFailed(PaymentId payment, DunningPolicy policy, Instant now) {
        if (payment != null) {
            requirePending(payment);
        } else if (pendingPayment != null) {
            throw new IllegalStateException(id + " waits for " + pendingPayment);
        }
        Builder b = toBuilder().pendingPayment(null).latestPayment(payment == null ? latestPayment : payment);
        if (!status.charges()) {
            return quiet(b, now);
        }
        int retriesMade = attempt - 1;
        if (retriesMade < policy.retries().size()) {
            b.status(SubscriptionStatus.PAST_DUE)
                    .nextAttemptAt(periodStart(currentCycle).plus(policy.retries().get(retriesMade)));
            return status == SubscriptionStatus.PAST_DUE ? quiet(b, now) : updated(b, now);
        }
        b.nextAttemptAt(null);
        if (policy.cancelWhenExhausted()) {
            return canceled(b.canceledAt(now).cancellationReason(REASON_PAYMENT_FAILED), now);
        }
        return updated(b.status(SubscriptionStatus.UNPAID), now);
    }

    /**
     * No payment could be made for the due charge (the method is gone): counts as a failed attempt.
     */
    public Change attemptImpossible(DunningPolicy policy, Instant now) {
        if (step(now) != Step.CHARGE) {
            throw new IllegalStateException(id + " has no charge due at " + now);
        }
        Subscription started = toBuilder().currentCycle(chargeCycle()).attempt(chargeAttempt()).nextAttemptAt(null)
                .build();
        Change failed = started.attemptFailed(null, policy, now);
        if (attempt == 0 && failed.events().isEmpty()) {
            return updated(failed.subscription().toBuilder(), now); // a new period began
        }
        return failed;
    }

    /** Its cycles or its end are reached, or it was to be canceled at the period's end. */
    public Change end(Instant now) {
        if (step(now) != Step.END) {
            throw new IllegalStateException(id + " does not end at " + now);
        }
        return canceled(toBuilder().nextAttemptAt(null).canceledAt(now)
                .cancellationReason(cancelAtPeriodEnd ? REASON_REQUESTED : REASON_COMPLETED), now);
    }

    /**
     * Cancels at once, or, with {@code atPeriodEnd}, when the current period ends (a subscription
     * with no period begun yet is canceled at once). A cycle payment already being processed is
     * not stopped; its outcome is recorded, and nothing more is charged.
     */
    public Change cancel(boolean atPeriodEnd, Instant now) {
        if (status == SubscriptionStatus.CANCELED) {
            throw new PaymentException(DomainException.Kind.CONFLICT, PaymentErrorCodes.SUBSCRIPTION_ALREADY_CANCELED,
                    "This subscription is already canceled.", null);
        }
        if (atPeriodEnd && status.charges() && currentCycle > 0) {
            if (cancelAtPeriodEnd) {
                return new Change(this, List.of());
            }
            return updated(toBuilder().cancelAtPeriodEnd(true), now);
        }
        return canceled(toBuilder().nextAttemptAt(null).canceledAt(now).cancellationReason(REASON_REQUESTED), now);
    }

    /** No cycle is charged while paused; a failed cycle being retried is let go. Pausing a paused one changes nothing. */
    public Change pause(Instant now) {
        if (status == SubscriptionStatus.PAUSED) {
            return new Change(this, List.of());
        }
        if (!status.charges()) {
            throw unexpectedState("paused");
        }
        return updated(toBuilder().status(SubscriptionStatus.PAUSED).attempt(0).nextAttemptAt(null), now);
    }

    /**
     * Charges again from the next period that starts at or after {@code now}; the periods skipped
     * meanwhile are not charged. Resuming an active one changes nothing.
     */
    public Change resume(Instant now) {
        if (status.charges()) {
            return new Change(this, List.of());
        }
        if (status == SubscriptionStatus.CANCELED) {
            throw unexpectedState("resumed");
        }
        int next = currentCycle + 1;
        while (periodStart(next).isBefore(now)) {
            next++;
        }
        Instant due = periodStart(next);
        return updated(toBuilder().status(SubscriptionStatus.ACTIVE).attempt(0).currentCycle(next - 1)
                .nextAttemptAt(endAt != null && endAt.isBefore(due) ? endAt : due), now);
    }

    private PaymentException unexpectedState(String action) {
        return PaymentException.invalid(PaymentErrorCodes.SUBSCRIPTION_UNEXPECTED_STATE,
                "A subscription with status '" + status.wireName() + "' cannot be " + action + ".", null);
    }

    private void requirePending(PaymentId payment) {
        if (pendingPayment == null || !pendingPayment.equals(payment)) {
            throw new IllegalStateException(id + " does not wait for " + payment);
        }
    }

    private Change canceled(Builder b, Instant now) {
        Subscription after = b.status(SubscriptionStatus.CANCELED).updatedAt(now).eventSequence(eventSequence + 1)
                .build();
        return new Change(after, List.of(event(SubscriptionEvent.CANCELED, after)));
    }

    private Change updated(Builder b, Instant now) {
        Subscription after = b.updatedAt(now).eventSequence(eventSequence + 1).build();
        return new Change(after, List.of(event(SubscriptionEvent.UPDATED, after)));
    }

    private static Change quiet(Builder b, Instant now) {
        return new Change(b.updatedAt(now).build(), List.of());
    }

    private static SubscriptionEvent event(String type, Subscription s) {
        return new SubscriptionEvent(EventId.generate().value(), type, s);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a subscription field by field (a persistence adapter reading a row; the changes above). */
    public static final class Builder {
        private SubscriptionId id;
        private String merchantId;
        private boolean livemode;
        private String customerId;
        private String paymentMethodId;
        private Money amount;
        private BillingInterval interval;
        private int intervalCount;
        private Instant startAt;
        private Instant endAt;
        private Integer cycles;
        private Metadata metadata;
        private SubscriptionStatus status;
        private boolean cancelAtPeriodEnd;
        private Instant canceledAt;
        private String cancellationReason;
        private int currentCycle;
        private int cyclesPaid;
        private int attempt;
        private Instant nextAttemptAt;
        private PaymentId pendingPayment;
        private PaymentId latestPayment;
        private TestClockId testClock;
        private Instant createdAt;
        private Instant updatedAt;
        private long eventSequence;

        public Builder() {
        }

        Builder(Subscription s) {
            id = s.id;
            merchantId = s.merchantId;
            livemode = s.livemode;
            customerId = s.customerId;
            paymentMethodId = s.paymentMethodId;
            amount = s.amount;
            interval = s.interval;
            intervalCount = s.intervalCount;
            startAt = s.startAt;
            endAt = s.endAt;
            cycles = s.cycles;
            metadata = s.metadata;
            status = s.status;
            cancelAtPeriodEnd = s.cancelAtPeriodEnd;
            canceledAt = s.canceledAt;
            cancellationReason = s.cancellationReason;
            currentCycle = s.currentCycle;
            cyclesPaid = s.cyclesPaid;
            attempt = s.attempt;
            nextAttemptAt = s.nextAttemptAt;
            pendingPayment = s.pendingPayment;
            latestPayment = s.latestPayment;
            testClock = s.testClock;
            createdAt = s.createdAt;
            updatedAt = s.updatedAt;
            eventSequence = s.eventSequence;
        }

        public Builder id(SubscriptionId v) { id = v; return this; }
        public Builder merchantId(String v) { merchantId = v; return this; }
        public Builder livemode(boolean v) { livemode = v; return this; }
        public Builder customerId(String v) { customerId = v; return this; }
        public Builder paymentMethodId(String v) { paymentMethodId = v; return this; }
        public Builder amount(Money v) { amount = v; return this; }
        public Builder interval(BillingInterval v) { interval = v; return this; }
        public Builder intervalCount(int v) { intervalCount = v; return this; }
        public Builder startAt(Instant v) { startAt = v; return this; }
        public Builder endAt(Instant v) { endAt = v; return this; }
        public Builder cycles(Integer v) { cycles = v; return this; }
        public Builder metadata(Metadata v) { metadata = v; return this; }
        public Builder status(SubscriptionStatus v) { status = v; return this; }
        public Builder cancelAtPeriodEnd(boolean v) { cancelAtPeriodEnd = v; return this; }
        public Builder canceledAt(Instant v) { canceledAt = v; return this; }
        public Builder cancellationReason(String v) { cancellationReason = v; return this; }
        public Builder currentCycle(int v) { currentCycle = v; return this; }
        public Builder cyclesPaid(int v) { cyclesPaid = v; return this; }
        public Builder attempt(int v) { attempt = v; return this; }
        public Builder nextAttemptAt(Instant v) { nextAttemptAt = v; return this; }
        public Builder pendingPayment(PaymentId v) { pendingPayment = v; return this; }
        public Builder latestPayment(PaymentId v) { latestPayment = v; return this; }
        public Builder testClock(TestClockId v) { testClock = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder eventSequence(long v) { eventSequence = v; return this; }

        public Subscription build() {
            return new Subscription(id, merchantId, livemode, customerId, paymentMethodId, amount, interval,
                    intervalCount, startAt, endAt, cycles, metadata, status, cancelAtPeriodEnd, canceledAt,
                    cancellationReason, currentCycle, cyclesPaid, attempt, nextAttemptAt, pendingPayment,
                    latestPayment, testClock, createdAt, updatedAt, eventSequence);
        }
    }
}
