package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.id.DisputeId;
import java.util.Objects;

/** A merchant's dispute, in a mode: another merchant's, or one of the other mode, does not exist. */
public record DisputeRef(String merchantId, boolean livemode, DisputeId id) {
    public DisputeRef {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(id, "id");
    }
}
