package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.ApiKey;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

public interface LoadApiKeyPort {
    /** The key whose secret hashes to {@code keyHash}, revoked or not; fails when the key store cannot answer. */
    CompletionStage<Optional<ApiKey>> loadByHash(String keyHash);
}
