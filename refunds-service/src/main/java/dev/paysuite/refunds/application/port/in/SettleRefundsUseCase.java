package dev.paysuite.refunds.application.port.in;

public interface SettleRefundsUseCase {
    /** Asks the processor about pending refunds and records those it has decided; answers how many. */
    int settlePending(int atMost);
}
