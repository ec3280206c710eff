package dev.paysuite.payments.application.domain.model;

import dev.paysuite.kernel.id.PaymentId;
import java.time.Instant;
import java.util.Objects;

/**
 * A 3-D Secure challenge the card's issuer set for a payment: the payer answers it once, on the
 * issuer's page, and the payment goes on with the issuer's verdict. The issuer keeps it (here the
 * simulated one), not the payment.
 */
public record AuthenticationChallenge(String id, PaymentId paymentId, String merchantId, boolean livemode, State state,
        Instant createdAt, Instant answeredAt) {

    public enum State {
        PENDING, APPROVED, FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AuthenticationChallenge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((state == State.PENDING) != (answeredAt == null)) {
            throw new IllegalArgumentException("a challenge has an answer time exactly when it was answered");
        }
    }

    public boolean isAnswered() {
        return state != State.PENDING;
    }
}
