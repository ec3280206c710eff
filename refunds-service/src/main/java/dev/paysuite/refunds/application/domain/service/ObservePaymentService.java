package dev.paysuite.refunds.application.domain.service;

import dev.paysuite.refunds.application.domain.model.PaymentSnapshot;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import dev.paysuite.refunds.application.port.in.ObservePaymentUseCase;
import dev.paysuite.refunds.application.port.out.LoadRefundablePaymentPort;
import dev.paysuite.refunds.application.port.out.SaveRefundablePaymentPort;

public class ObservePaymentService implements ObservePaymentUseCase {
    private final LoadRefundablePaymentPort load;
    private final SaveRefundablePaymentPort save;

    public ObservePaymentService(LoadRefundablePaymentPort load, SaveRefundablePaymentPort save) {
        this.load = load;
        this.save = save;
    }

    @Override
    public void observe(PaymentSnapshot payment) {
        RefundablePayment view = load.lock(payment.paymentId())
                .map(known -> known.observe(payment))
                .orElseGet(() -> RefundablePayment.firstSeen(payment));
        save.save(view);
    }
}
