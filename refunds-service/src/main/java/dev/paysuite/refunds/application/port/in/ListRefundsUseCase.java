package dev.paysuite.refunds.application.port.in;

public interface ListRefundsUseCase {
    RefundPage list(ListRefundsQuery query);
}
