package dev.paysuite.payments.application.domain.service;

import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.port.in.GetPaymentUseCase;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;

public class GetPaymentService implements GetPaymentUseCase {
    private final LoadPaymentPort payments;

    public GetPaymentService(LoadPaymentPort payments) {
        this.payments = payments;
    }

    @Override
    public Payment get(PaymentRef ref) {
        return payments.load(ref).orElseThrow(() -> PaymentException.paymentNotFound(ref.paymentId().value()));
    }
}
