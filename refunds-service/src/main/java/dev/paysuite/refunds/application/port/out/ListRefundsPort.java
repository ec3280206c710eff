package dev.paysuite.refunds.application.port.out;

public interface ListRefundsPort {
    RefundSlice list(RefundFilter filter, PageRequest page);

    long count(RefundFilter filter);
}
