package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.id.TestClockId;

/** Whether a test clock a payment names is the merchant's own (test clocks exist in test mode only). */
public interface TestClockExistsPort {
    boolean exists(String merchantId, TestClockId clock);
}
