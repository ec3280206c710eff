package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.ApiKey;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

public interface LoadApiKeyPort {
    CompletionStage<Optional<ApiKey>> loadByHash(String keyHash);
}
