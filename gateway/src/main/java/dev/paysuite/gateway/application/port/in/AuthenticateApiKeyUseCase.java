package dev.paysuite.gateway.application.port.in;

import dev.paysuite.gateway.application.domain.model.Authentication;
import java.util.concurrent.CompletionStage;

public interface AuthenticateApiKeyUseCase {
    /** Who the secret API key in an Authorization header value (null when absent) belongs to. */
    CompletionStage<Authentication> authenticate(String authorizationHeader);
}
