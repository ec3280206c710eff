package dev.paysuite.payments.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.kernel.testing.InlineTransactions;
import dev.paysuite.payments.application.domain.model.AuthorizationResult;
import dev.paysuite.payments.application.domain.model.CaptureMethod;
import dev.paysuite.payments.application.domain.model.Failure;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentEvent;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.port.in.CreatePaymentCommand;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpireAuthorizationsServiceTest {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final Duration EXPIRY = Duration.ofDays(7);
    static final TestClockId CLOCK = new TestClockId("clock_a");
    /** Where the clock stands when its payment is made: a day behind real time. */
    static final Instant CLOCK_TIME = T0.minus(Duration.ofDays(1));

    final Fakes.Payments payments = new Fakes.Payments();
    final Fakes.Events events = new Fakes.Events();
    final Fakes.Methods methods = new Fakes.Methods();
    final Fakes.Processor processor = new Fakes.Processor();
    final InlineTransactions tx = new InlineTransactions();
    final LoadPaymentPort load = tx.guard(LoadPaymentPort.class, payments);
    final SavePaymentPort save = tx.guard(SavePaymentPort.class, payments);
    final PublishPaymentEventPort publish = tx.guard(PublishPaymentEventPort.class, events);
    /** Payments are made at T0; the expiry runs eight days later. */
    final Clock madeAt = Clock.fixed(T0, ZoneOffset.UTC);
    final Clock later = Clock.fixed(T0.plus(Duration.ofDays(8)), ZoneOffset.UTC);
    final CreatePaymentService create = new CreatePaymentService(methods, save, publish,
            new ProcessPaymentService(load, save, publish, processor, tx, madeAt), tx, madeAt,
            (merchant, clock) -> clock.equals(CLOCK) ? Optional.of(CLOCK_TIME) : Optional.empty());
    final ProcessPaymentService processing = new ProcessPaymentService(load, save, publish, processor, tx, later);
    final ExpireAuthorizationsService expire = new ExpireAuthorizationsService(load, save, publish, processing, tx,
            later, EXPIRY);

    ExpireAuthorizationsServiceTest() {
        methods.known.put("pm_card", new PaymentInstrument("card", "visa", "4242", 12, 2034, "fp"));
        processor.transactions = tx;
    }

    Payment held(TestClockId clock) {
        Payment p = create.create(new CreatePaymentCommand("mer_a", false, Money.of(2500L, "EUR"),
                PaymentSource.StoredMethod.of("pm_card"), CaptureMethod.MANUAL, null, null, Metadata.EMPTY, null, null,
                clock));
        assertEquals(PaymentStatus.REQUIRES_CAPTURE, p.status());
        return p;
    }

    Payment now(Payment p) {
        return payments.rows.get(p.id().value());
    }

    @Test
    void anAuthorizationHeldPastTheExpiryIsVoidedOutsideTheStepThenCanceledAsExpired() {
        Payment p = held(null);
        int before = events.published.size();
        assertEquals(1, expire.expire(null, later.instant(), 10));
        Payment after = now(p);
        assertEquals(PaymentStatus.CANCELED, after.status());
        assertEquals("expired", after.cancellationReason());
        assertEquals(later.instant(), after.canceledAt());
        assertTrue(processor.calls.contains("void ref_1"));
        assertEquals(List.of("payment.processing", "payment.canceled"),
                events.published.subList(before, events.published.size()).stream().map(PaymentEvent::type).toList());
    }

    @Test
    void oneHeldLessThanTheExpiryStays() {
        Payment p = held(null);
        assertEquals(0, expire.expire(null, T0.plus(Duration.ofDays(6)), 10));
        assertEquals(0, expire.expire(null, T0.plus(EXPIRY).minusMillis(1), 10));
        assertEquals(PaymentStatus.REQUIRES_CAPTURE, now(p).status());
        assertEquals(1, expire.expire(null, T0.plus(EXPIRY), 10), "held exactly the expiry: expired");
    }

    @Test
    void oneOnATestClockExpiresByItsClockOnly() {
        Payment onClock = held(CLOCK);
        Payment onRealTime = held(null);
        assertEquals(CLOCK_TIME, onClock.createdAt(), "made at its clock's time");
        assertEquals(Optional.of(CLOCK_TIME.plus(EXPIRY)), expire.nextExpiry(CLOCK));
        assertEquals(Optional.empty(), expire.nextExpiry(new TestClockId("clock_other")));
        assertEquals(1, expire.expire(null, later.instant(), 10));
        assertEquals(PaymentStatus.REQUIRES_CAPTURE, now(onClock).status());
        assertEquals(PaymentStatus.CANCELED, now(onRealTime).status());
        assertEquals(0, expire.expire(new TestClockId("clock_other"), later.instant(), 10));
        assertEquals(0, expire.expire(CLOCK, CLOCK_TIME.plus(EXPIRY).minusMillis(1), 10));
        assertEquals(1, expire.expire(CLOCK, CLOCK_TIME.plus(EXPIRY), 10));
        assertEquals("expired", now(onClock).cancellationReason());
        assertEquals(Optional.empty(), expire.nextExpiry(CLOCK));
    }

    @Test
    void atMostABatchAtATimeOldestFirst() {
        Payment first = held(null);
        Payment second = held(null);
        payments.rows.put(second.id().value(), second.toBuilder().createdAt(T0.minusSeconds(1)).build());
        assertEquals(1, expire.expire(null, later.instant(), 1));
        assertEquals(PaymentStatus.CANCELED, now(second).status());
        assertEquals(PaymentStatus.REQUIRES_CAPTURE, now(first).status());
        assertEquals(1, expire.expire(null, later.instant(), 1));
        assertEquals(0, expire.expire(null, later.instant(), 1));
    }

    /** A second instance that found the same authorization finds it no longer held under the lock: no second void. */
    @Test
    void aSecondInstanceWithTheSameCandidatesChangesNothing() {
        Payment p = held(null);
        List<Payment> seenByBoth = payments.heldSince(null, later.instant().minus(EXPIRY), 10);
        LoadPaymentPort stale = tx.guard(LoadPaymentPort.class, new LoadPaymentPort() {
            @Override
            public Optional<Payment> load(PaymentRef ref) {
                return payments.load(ref);
            }

            @Override
            public Optional<Payment> loadForUpdate(PaymentRef ref) {
                return payments.loadForUpdate(ref);
            }

            @Override
            public List<Payment> processingSince(Instant before, int atMost) {
                return payments.processingSince(before, atMost);
            }

            @Override
            public List<Payment> heldSince(TestClockId clock, Instant createdAtOrBefore, int atMost) {
                return seenByBoth;
            }

            @Override
            public Optional<Instant> oldestHeldOn(TestClockId clock) {
                return payments.oldestHeldOn(clock);
            }
        });
        ExpireAuthorizationsService other = new ExpireAuthorizationsService(stale, save, publish, processing, tx,
                later, EXPIRY);
        assertEquals(1, expire.expire(null, later.instant(), 10));
        int published = events.published.size();
        assertEquals(0, other.expire(null, later.instant(), 10));
        assertEquals(published, events.published.size());
        assertEquals(1, processor.calls.stream().filter(c -> c.startsWith("void")).count());
        assertEquals(PaymentStatus.CANCELED, now(p).status());
    }

    @Test
    void aVoidThatNeverReachedTheProcessorIsFinishedByTheReconciler() {
        Payment p = held(null);
        processor.dropTheNextRequest = true;
        assertEquals(1, expire.expire(null, later.instant(), 10), "left voiding: not held any more");
        assertEquals(PaymentStatus.PROCESSING, now(p).status());
        assertEquals(0, expire.expire(null, later.instant(), 10));
        ProcessPaymentService reconciler = new ProcessPaymentService(load, save, publish, processor, tx,
                Clock.offset(later, Duration.ofMinutes(1)));
        assertEquals(1, reconciler.reconcile(Duration.ofSeconds(30), 10));
        assertEquals(PaymentStatus.CANCELED, now(p).status());
        assertEquals("expired", now(p).cancellationReason());
    }

    @Test
    void aVoidTheProcessorRefusesLeavesTheAuthorizationHeldAndUncounted() {
        Payment p = held(null);
        processor.done.put(p.id().value() + "/void",
                new AuthorizationResult.Declined("ref_1", new Failure("processing_error", null, "try later")));
        assertEquals(0, expire.expire(null, later.instant(), 10));
        assertEquals(PaymentStatus.REQUIRES_CAPTURE, now(p).status());
        assertNull(now(p).cancellationReason());
    }

    @Test
    void anAuthorizationCapturedMeanwhileIsLeftAlone() {
        Payment p = held(null);
        ChangePaymentService change = new ChangePaymentService(load, save, publish, processing, processor.issuer, tx,
                madeAt);
        change.capture(new dev.paysuite.payments.application.port.in.CapturePaymentCommand(
                new PaymentRef("mer_a", false, p.id()), java.util.OptionalLong.empty()));
        assertEquals(0, expire.expire(null, later.instant(), 10));
        assertEquals(PaymentStatus.SUCCEEDED, now(p).status());
    }
}
