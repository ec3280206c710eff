package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.kernel.tx.Transactions;
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
import dev.paysuite.payments.application.port.out.AuthorizationRequest;
import dev.paysuite.payments.application.port.out.AuthorizePaymentPort;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import dev.paysuite.payments.application.port.out.SettleAuthorizationPort;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Changes to an existing payment: cancel, capture, confirm, and recording a refund. Each is one step: lock the
 * payment, let the domain decide, tell the processor, then save the payment and its event together.
 */
public class ChangePaymentService implements CancelPaymentUseCase, CapturePaymentUseCase, ConfirmPaymentUseCase,
        RecordRefundUseCase {
    private final LoadPaymentPort load;
    private final SavePaymentPort save;
    private final PublishPaymentEventPort events;
    private final AuthorizePaymentPort authorizations;
    private final SettleAuthorizationPort settlements;
    private final Transactions transactions;
    private final Clock clock;

    public ChangePaymentService(LoadPaymentPort load, SavePaymentPort save, PublishPaymentEventPort events,
            AuthorizePaymentPort authorizations, SettleAuthorizationPort settlements, Transactions transactions,
            Clock clock) {
        this.load = load;
        this.save = save;
        this.events = events;
        this.authorizations = authorizations;
        this.settlements = settlements;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Payment cancel(CancelPaymentCommand command) {
        return change(command.payment(), payment -> {
            Payment.Change change = payment.cancel(command.reason(), Now.of(clock));
            if (payment.status() == PaymentStatus.REQUIRES_CAPTURE && payment.processorReference() != null) {
                settlements.voidAuthorization(payment.processorReference());
            }
            return change;
        });
    }

    @Override
    public Payment capture(CapturePaymentCommand command) {
        return change(command.payment(), payment -> {
            Payment.Change change = payment.capture(command.amountToCapture(), Now.of(clock));
            Payment captured = change.payment();
            settlements.capture(captured.processorReference(),
                    new Money(captured.amountCaptured(), captured.amount().currency()));
            return change;
        });
    }

    @Override
    public Payment confirm(PaymentRef ref) {
        return change(ref, payment -> {
            if (payment.status() != PaymentStatus.REQUIRES_ACTION) {
                throw PaymentException.invalid(PaymentErrorCodes.PAYMENT_UNEXPECTED_STATE, "A payment with status '"
                        + payment.status().wireName() + "' has no pending authentication to confirm.", null);
            }
            var result = authorizations.completeAuthentication(payment.processorReference(),
                    new AuthorizationRequest(payment.id(), payment.merchantId(), payment.livemode(), payment.amount(),
                            payment.instrument(), payment.captureMethod()));
            return payment.confirm(result, Now.of(clock));
        });
    }

    @Override
    public Payment recordRefund(RecordRefundCommand command) {
        return change(command.payment(), payment -> payment.refund(command.refundId(), command.amount(), Now.of(clock)));
    }

    private Payment change(PaymentRef ref, Function<Payment, Payment.Change> action) {
        return transactions.inTransaction(() -> {
            Payment payment = load.loadForUpdate(ref)
                    .orElseThrow(() -> PaymentException.paymentNotFound(ref.paymentId().value()));
            Payment.Change change = action.apply(payment);
            save.update(change.payment());
            events.publish(List.of(change.event()));
            return change.payment();
        });
    }
}
