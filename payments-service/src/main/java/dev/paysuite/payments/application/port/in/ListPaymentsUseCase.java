package dev.paysuite.payments.application.port.in;

public interface ListPaymentsUseCase {
    PaymentPage list(ListPaymentsQuery query);
}
