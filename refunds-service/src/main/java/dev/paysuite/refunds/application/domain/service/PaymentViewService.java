package dev.paysuite.refunds.application.domain.service;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.refunds.application.domain.model.DisputeSnapshot;
import dev.paysuite.refunds.application.domain.model.PaymentSnapshot;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import dev.paysuite.refunds.application.port.in.GetRefundablePaymentUseCase;
import dev.paysuite.refunds.application.port.in.ObserveDisputeUseCase;
import dev.paysuite.refunds.application.port.in.ObservePaymentUseCase;
import dev.paysuite.refunds.application.port.out.LoadRefundablePaymentPort;
import dev.paysuite.refunds.application.port.out.PaymentEventsLagPort;
import dev.paysuite.refunds.application.port.out.SaveRefundablePaymentPort;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * refunds-service's own view of payments: kept up to date from payments.events (the payment's events
 * and its dispute's), and read by refund requests.
 */
public class PaymentViewService implements ObservePaymentUseCase, ObserveDisputeUseCase, GetRefundablePaymentUseCase {
    private final LoadRefundablePaymentPort load;
    private final SaveRefundablePaymentPort save;
    private final PaymentEventsLagPort lag;
    private final Transactions transactions;

    public PaymentViewService(LoadRefundablePaymentPort load, SaveRefundablePaymentPort save, PaymentEventsLagPort lag,
            Transactions transactions) {
        this.load = load;
        this.save = save;
        this.lag = lag;
        this.transactions = transactions;
    }

    @Override
    public void observe(PaymentSnapshot payment, OptionalLong amountDisputed) {
        transactions.inTransaction(() -> {
            RefundablePayment view = load.lock(payment.paymentId())
                    .map(known -> known.observe(payment, amountDisputed))
                    .orElseGet(() -> RefundablePayment.firstSeen(payment, amountDisputed));
            save.save(view);
        });
    }

    /**
     * Under the payment's row lock, as refunds claim their amounts: a refund decided after this step
     * sees what the dispute holds, and one decided before it is already counted in what is left.
     */
    @Override
    public Outcome observe(DisputeSnapshot dispute) {
        return transactions.inTransaction(() -> {
            Optional<RefundablePayment> known = load.lock(dispute.paymentId());
            if (known.isEmpty()) {
                return Outcome.PAYMENT_UNKNOWN;
            }
            if (!dispute.concerns(known.get().payment())) {
                return Outcome.NOT_THE_PAYMENTS;
            }
            RefundablePayment view = known.get().observe(dispute);
            if (view == known.get()) {
                return Outcome.ALREADY_KNOWN;
            }
            save.save(view);
            return Outcome.APPLIED;
        });
    }

    @Override
    public Optional<RefundablePayment> find(String merchantId, boolean livemode, PaymentId paymentId) {
        return load.find(paymentId).filter(p -> p.payment().ownedBy(merchantId, livemode));
    }

    @Override
    public boolean newsMayBeInFlight(PaymentId paymentId) {
        return lag.newsMayBeInFlight(paymentId);
    }
}
