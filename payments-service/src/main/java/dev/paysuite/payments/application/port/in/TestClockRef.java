package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.id.TestClockId;
import java.util.Objects;

/** A merchant's test clock (test mode only). */
public record TestClockRef(String merchantId, TestClockId id) {
    public TestClockRef {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(id, "id");
    }
}
