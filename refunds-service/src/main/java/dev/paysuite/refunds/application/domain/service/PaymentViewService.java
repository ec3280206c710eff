package dev.paysuite.refunds.application.domain.service;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.refunds.application.domain.model.PaymentSnapshot;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import dev.paysuite.refunds.application.port.in.GetRefundablePaymentUseCase;
import dev.paysuite.refunds.application.port.in.ObservePaymentUseCase;
import dev.paysuite.refunds.application.port.out.LoadRefundablePaymentPort;
import dev.paysuite.refunds.application.port.out.PaymentEventsLagPort;
import dev.paysuite.refunds.application.port.out.SaveRefundablePaymentPort;
import java.util.Optional;

/** refunds-service's own view of payments: kept up to date from payments.events, and read by refund requests. */
public class PaymentViewService implements ObservePaymentUseCase, GetRefundablePaymentUseCase {
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
    public void observe(PaymentSnapshot payment) {
        transactions.inTransaction(() -> {
            RefundablePayment view = load.lock(payment.paymentId())
                    .map(known -> known.observe(payment))
                    .orElseGet(() -> RefundablePayment.firstSeen(payment));
            save.save(view);
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
