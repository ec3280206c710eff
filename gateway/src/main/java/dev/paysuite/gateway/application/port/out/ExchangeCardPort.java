package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.CardExchange;
import dev.paysuite.gateway.application.domain.model.CardExchangeRequest;
import java.util.concurrent.CompletionStage;

public interface ExchangeCardPort {
    /**
     * Asks the vault (methods-service, {@code POST /internal/v1/vault/tokens}) for a token of the
     * card. Completes with how it answered, an outage included ({@link CardExchange.Unavailable}),
     * within the vault timeout; never fails.
     */
    CompletionStage<CardExchange> exchange(CardExchangeRequest request);
}
