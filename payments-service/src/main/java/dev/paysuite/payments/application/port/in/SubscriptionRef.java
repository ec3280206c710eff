package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.id.SubscriptionId;
import java.util.Objects;

/** A merchant's subscription, in a mode. */
public record SubscriptionRef(String merchantId, boolean livemode, SubscriptionId id) {
    public SubscriptionRef {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(id, "id");
    }
}
