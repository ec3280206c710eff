package dev.paysuite.payments.application.port.out;

public interface ListPaymentsPort {
    PaymentSlice list(PaymentFilter filter, PageRequest page);

    long count(PaymentFilter filter);
}
