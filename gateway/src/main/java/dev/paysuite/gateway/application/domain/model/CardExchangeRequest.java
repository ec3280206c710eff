package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An inline card to exchange for a vault token, on behalf of the caller the gateway's service token
 * (for the vault's internal API) names; the client's {@code Idempotency-Key}, when it sent one, makes
 * the exchange repeatable (the same merchant, key and card get the same token back). Printed without
 * the card or the token.
 */
public record CardExchangeRequest(InlineCard card, String serviceToken, String requestId,
        Optional<String> idempotencyKey) {
    public CardExchangeRequest {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(serviceToken, "serviceToken");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    @Override
    public String toString() {
        return "CardExchangeRequest[" + card + ", requestId=" + requestId + ", idempotencyKey="
                + idempotencyKey.orElse("-") + "]";
    }
}
