package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.payments.application.domain.model.AuthenticationChallenge;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentErrorCodes;
import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.port.in.CancelPaymentCommand;
import dev.paysuite.payments.application.port.in.CancelPaymentUseCase;
import dev.paysuite.payments.application.port.in.CapturePaymentCommand;
import dev.paysuite.payments.application.port.in.CapturePaymentUseCase;
import dev.paysuite.payments.application.port.in.ConfirmPaymentUseCase;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.in.RecordRefundCommand;
import dev.paysuite.payments.application.port.in.RecordRefundUseCase;
import dev.paysuite.payments.application.port.out.AuthenticationChallengePort;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Changes to an existing payment: cancel, capture, confirm (refused while the issuer's 3-D Secure
 * challenge is unanswered), and recording a refund. Each change is
 * one step: lock the payment, let the domain decide, save the payment and its event together. A
 * change that needs the processor leaves the payment processing, and the processor is asked after
 * that step, with no lock or transaction held ({@link ProcessPaymentService}).
 */
public class ChangePaymentService implements CancelPaymentUseCase, CapturePaymentUseCase, ConfirmPaymentUseCase,
        RecordRefundUseCase {
    private final LoadPaymentPort load;
    private final SavePaymentPort save;
    private final PublishPaymentEventPort events;
    private final ProcessPaymentService processing;
    private final AuthenticationChallengePort challenges;
    private final Transactions transactions;
    private final Clock clock;

    public ChangePaymentService(LoadPaymentPort load, SavePaymentPort save, PublishPaymentEventPort events,
            ProcessPaymentService processing, AuthenticationChallengePort challenges, Transactions transactions,
            Clock clock) {
        this.load = load;
        this.save = save;
        this.events = events;
        this.processing = processing;
        this.challenges = challenges;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Payment cancel(CancelPaymentCommand command, Recorded recorded) {
        return changeThenProcess(command.payment(), recorded, payment -> payment.cancel(command.reason(), Now.of(clock)));
    }

    @Override
    public Payment capture(CapturePaymentCommand command, Recorded recorded) {
        return changeThenProcess(command.payment(), recorded,
                payment -> payment.capture(command.amountToCapture(), Now.of(clock)));
    }

    @Override
    public Payment confirm(PaymentRef ref, Recorded recorded) {
        return changeThenProcess(ref, recorded, payment -> {
            if (payment.status() != PaymentStatus.REQUIRES_ACTION) {
                throw PaymentException.invalid(PaymentErrorCodes.PAYMENT_UNEXPECTED_STATE, "A payment with status '"
                        + payment.status().wireName() + "' has no pending authentication to confirm.", null);
            }
            boolean unanswered = challenges.challengeOf(payment.id())
                    .filter(challenge -> challenge.state() == AuthenticationChallenge.State.PENDING).isPresent();
            if (unanswered) {
                throw PaymentException.invalid(PaymentErrorCodes.AUTHENTICATION_INCOMPLETE, "The customer has not "
                        + "completed 3-D Secure authentication yet: send them to next_action.redirect_to_url.url, "
                        + "and confirm once they answered the challenge.", null);
            }
            return payment.confirm(Now.of(clock));
        });
    }

    @Override
    public Payment recordRefund(RecordRefundCommand command) {
        return change(command.payment(), Recorded.NOBODY,
                payment -> payment.refund(command.refundId(), command.amount(), command.refundEvent(), Now.of(clock)));
    }

    private Payment changeThenProcess(PaymentRef ref, Recorded recorded, Function<Payment, Payment.Change> action) {
        Payment changed = change(ref, recorded, action);
        return changed.status() == PaymentStatus.PROCESSING ? processing.process(changed) : changed;
    }

    private Payment change(PaymentRef ref, Recorded recorded, Function<Payment, Payment.Change> action) {
        return transactions.inTransaction(() -> {
            Payment payment = load.loadForUpdate(ref)
                    .orElseThrow(() -> PaymentException.paymentNotFound(ref.paymentId().value()));
            Payment.Change change = action.apply(payment);
            save.update(change.payment());
            events.publish(List.of(change.event()));
            recorded.object(payment.id());
            return change.payment();
        });
    }
}
