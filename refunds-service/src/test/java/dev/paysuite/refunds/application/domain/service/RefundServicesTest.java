package dev.paysuite.refunds.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.ProcessorOutcomeUnknownException;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.RefundId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.kernel.testing.InlineTransactions;
import dev.paysuite.refunds.application.domain.model.DisputeSnapshot;
import dev.paysuite.refunds.application.domain.model.PaymentSnapshot;
import dev.paysuite.refunds.application.domain.model.ProcessorOutcome;
import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.domain.model.RefundEvent;
import dev.paysuite.refunds.application.domain.model.RefundErrorCodes;
import dev.paysuite.refunds.application.domain.model.RefundException;
import dev.paysuite.refunds.application.domain.model.RefundStatus;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import dev.paysuite.refunds.application.port.in.CreateRefundCommand;
import dev.paysuite.refunds.application.port.in.ObserveDisputeUseCase;
import dev.paysuite.refunds.application.port.in.RefundRef;
import dev.paysuite.refunds.application.port.out.LoadRefundPort;
import dev.paysuite.refunds.application.port.out.LoadRefundablePaymentPort;
import dev.paysuite.refunds.application.port.out.PublishRefundEventPort;
import dev.paysuite.refunds.application.port.out.RefundInstruction;
import dev.paysuite.refunds.application.port.out.RefundProcessorPort;
import dev.paysuite.refunds.application.port.out.SaveRefundPort;
import dev.paysuite.refunds.application.port.out.SaveRefundablePaymentPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RefundServicesTest {
    final Map<String, RefundablePayment> views = new HashMap<>();
    final Map<String, Refund> refunds = new HashMap<>();
    final List<RefundEvent> published = new ArrayList<>();
    ProcessorOutcome outcome = new ProcessorOutcome.Succeeded("sim_re_1");

    /** Every state change must happen inside a step the service declares: the guarded ports fail otherwise. */
    final InlineTransactions tx = new InlineTransactions();
    final LoadRefundablePaymentPort load = tx.guard(LoadRefundablePaymentPort.class, new LoadRefundablePaymentPort() {
        @Override
        public Optional<RefundablePayment> find(PaymentId paymentId) {
            return Optional.ofNullable(views.get(paymentId.value()));
        }

        @Override
        public Optional<RefundablePayment> lock(PaymentId paymentId) {
            return find(paymentId);
        }
    });
    final SaveRefundablePaymentPort save = tx.guard(SaveRefundablePaymentPort.class,
            view -> views.put(view.payment().paymentId().value(), view));
    final SaveRefundPort saveRefund = tx.guard(SaveRefundPort.class, new SaveRefundPort() {
        @Override
        public void insert(Refund refund) {
            refunds.put(refund.id().value(), refund);
        }

        @Override
        public void update(Refund refund) {
            refunds.put(refund.id().value(), refund);
        }
    });
    final LoadRefundPort loadRefund = tx.guard(LoadRefundPort.class, new LoadRefundPort() {
        @Override
        public Optional<Refund> load(RefundRef ref) {
            return Optional.ofNullable(refunds.get(ref.refundId().value()));
        }

        @Override
        public List<Refund> pending(int atMost) {
            return refunds.values().stream().filter(r -> r.status() == RefundStatus.PENDING).limit(atMost).toList();
        }

        @Override
        public Optional<Refund> lock(RefundId id) {
            return Optional.ofNullable(refunds.get(id.value()));
        }
    });
    final PublishRefundEventPort publish = tx.guard(PublishRefundEventPort.class, published::addAll);
    /** An acquirer that refunds what a key asks at most once; it can lose its answer. */
    final Map<String, ProcessorOutcome> acquirer = new HashMap<>();
    final List<String> processorCalls = new ArrayList<>();
    boolean loseTheNextAnswer;
    final RefundProcessorPort processor = new RefundProcessorPort() {
        @Override
        public ProcessorOutcome refund(RefundInstruction instruction) {
            if (tx.inStep()) {
                throw new AssertionError("the processor was called inside a transaction");
            }
            processorCalls.add("refund " + instruction.refundId().value() + " " + instruction.amount().amount());
            ProcessorOutcome done = acquirer.computeIfAbsent(instruction.refundId().value(), k -> outcome);
            if (loseTheNextAnswer) {
                loseTheNextAnswer = false;
                throw new ProcessorOutcomeUnknownException("lost", null);
            }
            return done;
        }

        @Override
        public Optional<ProcessorOutcome> status(Refund refund) {
            processorCalls.add("status " + refund.id().value());
            ProcessorOutcome known = acquirer.get(refund.id().value());
            return known instanceof ProcessorOutcome.Pending p
                    ? Optional.of(new ProcessorOutcome.Failed(p.reference(), "expired_or_canceled_card"))
                    : Optional.ofNullable(known);
        }
    };
    final Clock clock = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);
    final SettleRefundsService settle = new SettleRefundsService(loadRefund, saveRefund, load, save, publish,
            processor, Duration.ofSeconds(30), tx, clock);
    final CreateRefundService create = new CreateRefundService(load, save, saveRefund, publish, processor, settle, tx,
            clock);
    /** The settling loop, a minute later. */
    final SettleRefundsService settleLater = new SettleRefundsService(loadRefund, saveRefund, load, save, publish,
            processor, Duration.ofSeconds(30), tx, Clock.offset(clock, Duration.ofMinutes(1)));
    final PaymentViewService paymentViews = new PaymentViewService(load, save, paymentId -> false, tx);

    static PaymentSnapshot paid(String id, String merchant) {
        return new PaymentSnapshot(new PaymentId(id), merchant, false, CurrencyUnit.of("USD"), 1000, 1000, "succeeded",
                "4242", 2);
    }

    CreateRefundCommand refund(String merchant, String payment, Long amount) {
        return new CreateRefundCommand(merchant, false, payment, amount, null, null, Metadata.EMPTY);
    }

    @Test
    void aRefundThatSucceedsAtOnceIsAnnouncedAsCreatedThenSucceeded() {
        views.put("pay_1", RefundablePayment.firstSeen(paid("pay_1", "mer_1")));
        Refund r = create.create(refund("mer_1", "pay_1", 400L));
        assertEquals(RefundStatus.SUCCEEDED, r.status());
        assertEquals(List.of("refund.created", "refund.succeeded"), published.stream().map(RefundEvent::type).toList());
        assertEquals(List.of(1L, 2L), published.stream().map(RefundEvent::sequence).toList());
        assertEquals(List.of(2L, 2L), published.stream().map(RefundEvent::paymentSequence).toList(),
                "decided on the payment's event 2, the last the view had seen");
        assertEquals(400, views.get("pay_1").amountReserved());
        create.create(refund("mer_1", "pay_1", null));
        assertEquals(List.of(3L, 4L), published.subList(2, 4).stream().map(RefundEvent::sequence).toList());
        assertEquals(0, views.get("pay_1").remaining());
        assertEquals(4, tx.stepsRun(), "each refund: recorded pending, then the processor's answer");
    }

    @Test
    void theRequestIsToldItsRefundInsideTheFirstStep() {
        views.put("pay_6", RefundablePayment.firstSeen(paid("pay_6", "mer_1")));
        List<String> recorded = new ArrayList<>();
        Refund r = create.create(refund("mer_1", "pay_6", 100L), id -> {
            assertTrue(tx.inStep());
            assertTrue(processorCalls.isEmpty(), "bound before the processor is asked");
            recorded.add(id.value());
        });
        assertEquals(List.of(r.id().value()), recorded);
    }

    @Test
    void aRefundWhoseAnswerNeverCameIsSettledByAskingTheProcessorWithoutRefundingTwice() {
        views.put("pay_7", RefundablePayment.firstSeen(paid("pay_7", "mer_1")));
        loseTheNextAnswer = true;
        Refund r = create.create(refund("mer_1", "pay_7", 250L));
        assertEquals(RefundStatus.PENDING, r.status());
        assertEquals(250, views.get("pay_7").amountReserved(), "the amount stays claimed meanwhile");
        assertEquals(0, settle.settlePending(10), "not yet: its answer may still come");

        assertEquals(1, settleLater.settlePending(10));
        assertEquals(RefundStatus.SUCCEEDED, refunds.get(r.id().value()).status());
        assertEquals(1, acquirer.size(), "refunded once");
        assertEquals(List.of("refund.created", "refund.succeeded"), published.stream().map(RefundEvent::type).toList());
    }

    @Test
    void anotherMerchantsPaymentDoesNotExist() {
        views.put("pay_3", RefundablePayment.firstSeen(paid("pay_3", "mer_1")));
        RefundException e = assertThrows(RefundException.class, () -> create.create(refund("mer_2", "pay_3", 100L)));
        assertEquals(RefundException.Kind.NOT_FOUND, e.kind());
        assertEquals("paymentId", e.field());
        assertEquals(0, views.get("pay_3").amountReserved());
        assertEquals(Optional.empty(), paymentViews.find("mer_2", false, new PaymentId("pay_3")));
        assertEquals(Optional.empty(), paymentViews.find("mer_1", true, new PaymentId("pay_3")));
    }

    @Test
    void aRefundTheProcessorFailsLaterGivesItsAmountBack() {
        views.put("pay_4", RefundablePayment.firstSeen(paid("pay_4", "mer_1")));
        outcome = new ProcessorOutcome.Pending("sim_re_fail_1");
        Refund r = create.create(refund("mer_1", "pay_4", 600L));
        assertEquals(RefundStatus.PENDING, r.status());
        assertEquals(600, views.get("pay_4").amountReserved());
        assertEquals(1, settle.settlePending(10));
        assertEquals(RefundStatus.FAILED, refunds.get(r.id().value()).status());
        assertEquals(0, views.get("pay_4").amountReserved());
        assertEquals(List.of("refund.created", "refund.failed"), published.stream().map(RefundEvent::type).toList());
        assertEquals(2, published.get(1).sequence());
    }

    @Test
    void newsOfAPaymentIsKeptInTheViewUnlessItIsOlder() {
        paymentViews.observe(paid("pay_5", "mer_1"));
        assertEquals("succeeded", views.get("pay_5").payment().status());
        paymentViews.observe(new PaymentSnapshot(new PaymentId("pay_5"), "mer_1", false, CurrencyUnit.of("USD"), 1000, 0,
                "pending", null, 1));
        assertEquals("succeeded", paymentViews.find("mer_1", false, new PaymentId("pay_5")).orElseThrow().payment().status());
    }

    static DisputeSnapshot dispute(String payment, String merchant, String status, long amount, long sequence) {
        return new DisputeSnapshot(new PaymentId(payment), merchant, false, CurrencyUnit.of("USD"), amount, status,
                sequence);
    }

    @Test
    void newsOfADisputeIsKeptInTheViewUnderTheLockOfTheStepAndRefundsSeeIt() {
        assertEquals(ObserveDisputeUseCase.Outcome.PAYMENT_UNKNOWN,
                paymentViews.observe(dispute("pay_8", "mer_1", "needs_response", 600, 3)));
        assertTrue(views.isEmpty(), "nothing made up for a payment never seen");
        paymentViews.observe(paid("pay_8", "mer_1"));
        assertEquals(ObserveDisputeUseCase.Outcome.NOT_THE_PAYMENTS,
                paymentViews.observe(dispute("pay_8", "mer_2", "needs_response", 600, 3)));
        assertEquals(ObserveDisputeUseCase.Outcome.APPLIED,
                paymentViews.observe(dispute("pay_8", "mer_1", "needs_response", 600, 3)));
        assertEquals(600, views.get("pay_8").amountDisputed());
        assertEquals(3, views.get("pay_8").payment().sequence());
        assertEquals(ObserveDisputeUseCase.Outcome.ALREADY_KNOWN,
                paymentViews.observe(dispute("pay_8", "mer_1", "won", 600, 3)));
        assertEquals(600, views.get("pay_8").amountDisputed());

        RefundException e = assertThrows(RefundException.class, () -> create.create(refund("mer_1", "pay_8", 500L)));
        assertEquals(RefundErrorCodes.REFUND_EXCEEDS_REMAINING, e.code());
        Refund r = create.create(refund("mer_1", "pay_8", 400L));
        assertEquals(RefundStatus.SUCCEEDED, r.status());
        assertEquals(List.of(3L, 3L), published.stream().map(RefundEvent::paymentSequence).toList(),
                "decided on the dispute's event 3, the last of the payment's history the view had seen");
        assertEquals(RefundErrorCodes.PAYMENT_DISPUTED,
                assertThrows(RefundException.class, () -> create.create(refund("mer_1", "pay_8", 1L))).code());

        paymentViews.observe(dispute("pay_8", "mer_1", "won", 600, 4));
        assertEquals(600, views.get("pay_8").remaining());
        paymentViews.observe(new PaymentSnapshot(new PaymentId("pay_8"), "mer_1", false, CurrencyUnit.of("USD"), 1000,
                1000, "partially_refunded", "4242", 5), OptionalLong.of(600));
        assertEquals(0, views.get("pay_8").remaining(), "held again, as the payment's event says, up to what is left");
        assertEquals(600, views.get("pay_8").amountDisputed());
    }
}
