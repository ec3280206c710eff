package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.LinkOwner;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

public interface LookUpPaymentLinkPort {
    /**
     * Whose link this is (payments-service, {@code GET /internal/v1/payment_links/{id}}): empty when
     * there is no such link; fails when payments-service cannot answer.
     */
    CompletionStage<Optional<LinkOwner>> owner(String linkId, String serviceToken);
}
