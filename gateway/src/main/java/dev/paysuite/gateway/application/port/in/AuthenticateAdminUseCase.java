package dev.paysuite.gateway.application.port.in;

import dev.paysuite.gateway.application.domain.model.AdminAuthentication;
import java.util.concurrent.CompletionStage;

public interface AuthenticateAdminUseCase {
    /**
     * Whether the Authorization header value (null when absent) carries an access token of an admin
     * (realm role {@code admin}). API keys never do. Never fails: the answer says why not.
     */
    CompletionStage<AdminAuthentication> authenticate(String authorizationHeader);
}
