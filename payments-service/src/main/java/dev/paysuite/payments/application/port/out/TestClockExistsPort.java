package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.id.TestClockId;
import java.time.Instant;
import java.util.Optional;

/** Whether a test clock a payment names is the merchant's own (test clocks exist in test mode only), and its time. */
public interface TestClockExistsPort {
    /** The clock's current (frozen) time; empty when the merchant has no test clock with this id. */
    Optional<Instant> frozenTime(String merchantId, TestClockId clock);
}
