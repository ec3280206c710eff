package dev.paysuite.payments.application.port.out;

import dev.paysuite.payments.application.domain.model.AuthorizationResult;

/** The processor (acquirer): asks the card network to authorize. */
public interface AuthorizePaymentPort {
    AuthorizationResult authorize(AuthorizationRequest request);

    /** Finishes an authorization that waited for the payer's 3-D Secure authentication. */
    AuthorizationResult completeAuthentication(String processorReference, AuthorizationRequest request);
}
