package dev.paysuite.payments.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.SubscriptionId;
import dev.paysuite.kernel.id.TestClockId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
    static final Instant NOW = Instant.parse("2026-01-31T10:00:00Z");
    static final DunningPolicy DUNNING = DunningPolicy.DEFAULT;

    static Subscription.Draft monthly() {
        return draft("month", null, null, null);
    }

    static Subscription.Draft draft(String interval, Instant startAt, Instant endAt, Long cycles) {
        return new Subscription.Draft("cus_1", "pm_1", 1500L, "usd", interval, null, startAt, endAt, cycles,
                Metadata.EMPTY, null);
    }

    static Subscription create(Subscription.Draft d) {
        return Subscription.create(SubscriptionId.generate(), "mer_1", false, d, NOW).subscription();
    }

    static DomainException refused(Subscription.Draft d) {
        return assertThrows(DomainException.class, () -> create(d));
    }

    /** Charges the due cycle with a new payment and answers the subscription waiting for it. */
    static Subscription charged(Subscription s, Instant at) {
        assertEquals(Subscription.Step.CHARGE, s.step(at));
        return s.attemptStarted(PaymentId.generate(), s.paymentMethodId(), at).subscription();
    }

    @Test
    void aNewSubscriptionIsActiveAndItsFirstCycleIsDueAtItsStart() {
        Subscription.Change created = Subscription.create(SubscriptionId.generate(), "mer_1", false, monthly(), NOW);
        Subscription s = created.subscription();
        assertEquals(SubscriptionStatus.ACTIVE, s.status());
        assertEquals(NOW, s.nextAttemptAt());
        assertEquals(List.of(SubscriptionEvent.CREATED), created.events().stream().map(SubscriptionEvent::type).toList());
        assertEquals(1, s.eventSequence());
        assertEquals(Subscription.Step.CHARGE, s.step(NOW));
        assertEquals(Subscription.Step.NOTHING, s.step(NOW.minusSeconds(1)));
        assertTrue(s.id().value().startsWith("sub_"));
    }

    @Test
    void monthsAreCountedOnTheCalendarFromTheAnchorWithoutDrift() {
        Subscription s = create(monthly());
        assertEquals(Instant.parse("2026-02-28T10:00:00Z"), s.periodStart(2));
        assertEquals(Instant.parse("2026-03-31T10:00:00Z"), s.periodStart(3));
        assertEquals(Instant.parse("2027-01-31T10:00:00Z"), s.periodStart(13));
        Subscription weekly = create(draft("week", null, null, null));
        assertEquals(NOW.plus(Duration.ofDays(14)), weekly.periodStart(3));
    }

    @Test
    void badDraftsAreRefusedNamingTheirField() {
        assertEquals("customerId", refused(new Subscription.Draft(null, "pm_1", 1L, "usd", "day", null, null, null,
                null, null, null)).field());
        assertEquals("customerId", refused(new Subscription.Draft("pm_1", "pm_1", 1L, "usd", "day", null, null, null,
                null, null, null)).field());
        assertEquals("paymentMethodId", refused(new Subscription.Draft("cus_1", "card", 1L, "usd", "day", null, null,
                null, null, null, null)).field());
        assertEquals("interval", refused(draft("fortnight", null, null, null)).field());
        assertEquals("intervalCount", refused(new Subscription.Draft("cus_1", "pm_1", 1L, "usd", "month", 37L, null,
                null, null, null, null)).field());
        assertEquals("intervalCount", refused(new Subscription.Draft("cus_1", "pm_1", 1L, "usd", "day", 0L, null,
                null, null, null, null)).field());
        assertEquals("startAt", refused(draft("day", NOW.minus(Duration.ofHours(1)), null, null)).field());
        assertEquals("endAt", refused(draft("day", null, NOW, null)).field());
        assertEquals("cycles", refused(draft("day", null, null, 0L)).field());
        assertEquals("amount", refused(new Subscription.Draft("cus_1", "pm_1", null, "usd", "day", null, null, null,
                null, null, null)).field());
        assertEquals("currency", refused(new Subscription.Draft("cus_1", "pm_1", 100L, "xyz", "day", null, null,
                null, null, null, null)).field());
        DomainException live = assertThrows(DomainException.class, () -> Subscription.create(SubscriptionId.generate(),
                "mer_1", true, new Subscription.Draft("cus_1", "pm_1", 100L, "usd", "day", null, null, null, null,
                        null, new TestClockId("clock_1")), NOW));
        assertEquals(PaymentErrorCodes.TEST_MODE_ONLY, live.code());
    }

    @Test
    void aPaidCycleSchedulesTheNextAtThePeriodsEnd() {
        Subscription waiting = charged(create(monthly()), NOW);
        assertEquals(1, waiting.currentCycle());
        assertEquals(1, waiting.attempt());
        assertNull(waiting.nextAttemptAt());
        assertEquals(Subscription.Step.NOTHING, waiting.step(NOW.plus(Duration.ofDays(90))), "one payment at a time");
        Subscription.Change paid = waiting.attemptSucceeded(waiting.pendingPayment(), NOW);
        Subscription s = paid.subscription();
        assertEquals(1, s.cyclesPaid());
        assertEquals(0, s.attempt());
        assertEquals(waiting.pendingPayment(), s.latestPayment());
        assertNull(s.pendingPayment());
        assertEquals(Instant.parse("2026-02-28T10:00:00Z"), s.nextAttemptAt());
        assertEquals(NOW, s.currentPeriodStart());
        assertEquals(Instant.parse("2026-02-28T10:00:00Z"), s.currentPeriodEnd());
        assertTrue(paid.events().isEmpty(), "the payment's own events tell of it");
        assertThrows(IllegalStateException.class, () -> s.attemptSucceeded(waiting.pendingPayment(), NOW));
    }

    @Test
    void aFailedCycleIsRetriedOnTheScheduleThenTheSubscriptionIsCanceled() {
        Subscription s = charged(create(monthly()), NOW);
        Subscription.Change failed = s.attemptFailed(s.pendingPayment(), DUNNING, NOW);
        s = failed.subscription();
        assertEquals(SubscriptionStatus.PAST_DUE, s.status());
        assertEquals(List.of(SubscriptionEvent.UPDATED), failed.events().stream().map(SubscriptionEvent::type).toList());
        assertEquals(NOW.plus(Duration.ofDays(1)), s.nextAttemptAt());
        assertEquals(Subscription.Step.NOTHING, s.step(NOW.plus(Duration.ofHours(23))));
        s = charged(s, NOW.plus(Duration.ofDays(1)));
        assertEquals(1, s.currentCycle(), "a retry is the same cycle");
        assertEquals(2, s.attempt());
        s = s.attemptFailed(s.pendingPayment(), DUNNING, NOW.plus(Duration.ofDays(1))).subscription();
        assertEquals(NOW.plus(Duration.ofDays(3)), s.nextAttemptAt());
        s = charged(s, NOW.plus(Duration.ofDays(3)));
        s = s.attemptFailed(s.pendingPayment(), DUNNING, NOW.plus(Duration.ofDays(3))).subscription();
        assertEquals(NOW.plus(Duration.ofDays(5)), s.nextAttemptAt());
        s = charged(s, NOW.plus(Duration.ofDays(5)));
        Subscription.Change last = s.attemptFailed(s.pendingPayment(), DUNNING, NOW.plus(Duration.ofDays(5)));
        assertEquals(SubscriptionStatus.CANCELED, last.subscription().status());
        assertEquals(Subscription.REASON_PAYMENT_FAILED, last.subscription().cancellationReason());
        assertEquals(List.of(SubscriptionEvent.CANCELED), last.events().stream().map(SubscriptionEvent::type).toList());
        assertNull(last.subscription().nextAttemptAt());
    }

    @Test
    void exhaustedRetriesLeaveItUnpaidWhenSoConfiguredAndResumeStartsAFreshPeriod() {
        DunningPolicy once = new DunningPolicy(List.of(Duration.ofDays(2)), false);
        Subscription s = charged(create(monthly()), NOW);
        s = s.attemptFailed(s.pendingPayment(), once, NOW).subscription();
        s = charged(s, NOW.plus(Duration.ofDays(2)));
        s = s.attemptFailed(s.pendingPayment(), once, NOW.plus(Duration.ofDays(2))).subscription();
        assertEquals(SubscriptionStatus.UNPAID, s.status());
        assertEquals(Subscription.Step.NOTHING, s.step(NOW.plus(Duration.ofDays(400))));
        Instant later = Instant.parse("2026-04-15T00:00:00Z");
        Subscription resumed = s.resume(later).subscription();
        assertEquals(SubscriptionStatus.ACTIVE, resumed.status());
        assertEquals(Instant.parse("2026-04-30T10:00:00Z"), resumed.nextAttemptAt(), "the next period that starts");
        assertEquals(0, resumed.attempt());
    }

    @Test
    void aRetrySucceedingMakesItActiveAgain() {
        Subscription s = charged(create(monthly()), NOW);
        s = s.attemptFailed(s.pendingPayment(), DUNNING, NOW).subscription();
        s = charged(s, NOW.plus(Duration.ofDays(1)));
        Subscription.Change paid = s.attemptSucceeded(s.pendingPayment(), NOW.plus(Duration.ofDays(1)));
        assertEquals(SubscriptionStatus.ACTIVE, paid.subscription().status());
        assertEquals(List.of(SubscriptionEvent.UPDATED), paid.events().stream().map(SubscriptionEvent::type).toList());
        assertEquals(Instant.parse("2026-02-28T10:00:00Z"), paid.subscription().nextAttemptAt());
    }

    @Test
    void aRetryMayUseTheCustomersNewMethod() {
        Subscription s = charged(create(monthly()), NOW);
        s = s.attemptFailed(s.pendingPayment(), DUNNING, NOW).subscription();
        Subscription.Change retried = s.attemptStarted(PaymentId.generate(), "pm_new", NOW.plus(Duration.ofDays(1)));
        assertEquals("pm_new", retried.subscription().paymentMethodId());
        assertEquals(List.of(SubscriptionEvent.UPDATED), retried.events().stream().map(SubscriptionEvent::type).toList());
    }

    @Test
    void aMissingMethodCountsAsAFailedAttempt() {
        Subscription.Change impossible = create(monthly()).attemptImpossible(DUNNING, NOW);
        Subscription s = impossible.subscription();
        assertEquals(SubscriptionStatus.PAST_DUE, s.status());
        assertEquals(1, s.attempt());
        assertEquals(1, s.currentCycle());
        assertNull(s.pendingPayment());
        assertEquals(NOW.plus(Duration.ofDays(1)), s.nextAttemptAt());
    }

    @Test
    void itEndsAfterItsCyclesOrAtItsEnd() {
        Subscription s = create(draft("week", null, null, 2L));
        Instant at = NOW;
        for (int cycle = 1; cycle <= 2; cycle++) {
            s = charged(s, at);
            s = s.attemptSucceeded(s.pendingPayment(), at).subscription();
            at = s.nextAttemptAt();
        }
        assertEquals(NOW.plus(Duration.ofDays(14)), at);
        assertEquals(Subscription.Step.END, s.step(at));
        Subscription.Change ended = s.end(at);
        assertEquals(SubscriptionStatus.CANCELED, ended.subscription().status());
        assertEquals(Subscription.REASON_COMPLETED, ended.subscription().cancellationReason());

        Subscription until = create(draft("week", null, NOW.plus(Duration.ofDays(10)), null));
        until = charged(until, NOW);
        until = until.attemptSucceeded(until.pendingPayment(), NOW).subscription();
        until = charged(until, NOW.plus(Duration.ofDays(7)));
        until = until.attemptSucceeded(until.pendingPayment(), NOW.plus(Duration.ofDays(7))).subscription();
        assertEquals(NOW.plus(Duration.ofDays(10)), until.nextAttemptAt(), "ends at end_at, before the next period");
        assertEquals(Subscription.Step.END, until.step(NOW.plus(Duration.ofDays(10))));
    }

    @Test
    void cancelAtOnceOrAtThePeriodsEnd() {
        Subscription s = charged(create(monthly()), NOW);
        s = s.attemptSucceeded(s.pendingPayment(), NOW).subscription();
        Subscription.Change later = s.cancel(true, NOW.plus(Duration.ofDays(3)));
        assertTrue(later.subscription().cancelAtPeriodEnd());
        assertEquals(SubscriptionStatus.ACTIVE, later.subscription().status());
        assertEquals(List.of(SubscriptionEvent.UPDATED), later.events().stream().map(SubscriptionEvent::type).toList());
        assertTrue(later.subscription().cancel(true, NOW).events().isEmpty(), "asked twice, nothing more");
        Instant end = Instant.parse("2026-02-28T10:00:00Z");
        assertEquals(Subscription.Step.END, later.subscription().step(end));
        Subscription ended = later.subscription().end(end).subscription();
        assertEquals(SubscriptionStatus.CANCELED, ended.status());
        assertEquals(Subscription.REASON_REQUESTED, ended.cancellationReason());

        Subscription.Change now = s.cancel(false, NOW.plus(Duration.ofDays(3)));
        assertEquals(SubscriptionStatus.CANCELED, now.subscription().status());
        assertEquals(NOW.plus(Duration.ofDays(3)), now.subscription().canceledAt());
        assertEquals(List.of(SubscriptionEvent.CANCELED), now.events().stream().map(SubscriptionEvent::type).toList());
        DomainException again = assertThrows(DomainException.class, () -> now.subscription().cancel(false, NOW));
        assertEquals(DomainException.Kind.CONFLICT, again.kind());
        assertEquals(PaymentErrorCodes.SUBSCRIPTION_ALREADY_CANCELED, again.code());
    }

    @Test
    void aPausedSubscriptionChargesNothingAndResumesAtTheNextPeriod() {
        Subscription s = charged(create(monthly()), NOW);
        s = s.attemptSucceeded(s.pendingPayment(), NOW).subscription();
        Subscription paused = s.pause(NOW.plus(Duration.ofDays(1))).subscription();
        assertEquals(SubscriptionStatus.PAUSED, paused.status());
        assertEquals(Subscription.Step.NOTHING, paused.step(NOW.plus(Duration.ofDays(200))));
        assertTrue(paused.pause(NOW).events().isEmpty());
        Subscription resumed = paused.resume(Instant.parse("2026-03-10T00:00:00Z")).subscription();
        assertEquals(Instant.parse("2026-03-31T10:00:00Z"), resumed.nextAttemptAt(), "February's period is skipped");
        assertEquals(2, resumed.currentCycle());
        assertTrue(resumed.resume(NOW).events().isEmpty());
        Subscription canceled = resumed.cancel(false, NOW).subscription();
        DomainException notAgain = assertThrows(DomainException.class, () -> canceled.resume(NOW));
        assertEquals(PaymentErrorCodes.SUBSCRIPTION_UNEXPECTED_STATE, notAgain.code());
        assertThrows(DomainException.class, () -> canceled.pause(NOW));
    }

    @Test
    void anOutcomeAfterCancelingIsRecordedButSchedulesNothing() {
        Subscription s = charged(create(monthly()), NOW);
        Subscription canceled = s.cancel(false, NOW).subscription();
        Subscription after = canceled.attemptSucceeded(s.pendingPayment(), NOW).subscription();
        assertEquals(SubscriptionStatus.CANCELED, after.status());
        assertEquals(1, after.cyclesPaid());
        assertNull(after.nextAttemptAt());
        assertFalse(after.step(NOW.plus(Duration.ofDays(60))) != Subscription.Step.NOTHING);
    }

    @Test
    void theDunningScheduleMustIncrease() {
        assertThrows(IllegalArgumentException.class,
                () -> new DunningPolicy(List.of(Duration.ofDays(3), Duration.ofDays(1)), true));
        assertEquals(ErrorCodes.PARAMETER_INVALID, refused(draft("year", null, null, 20_000L)).code());
    }
}
