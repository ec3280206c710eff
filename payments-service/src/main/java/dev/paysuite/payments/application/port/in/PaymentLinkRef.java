package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.id.PaymentLinkId;
import java.util.Objects;

/** A merchant's payment link, in a mode. */
public record PaymentLinkRef(String merchantId, boolean livemode, PaymentLinkId id) {
    public PaymentLinkRef {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(id, "id");
    }
}
