package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a valid access token says about its caller.
 *
 * @param clientId the OAuth2 client it was issued to ({@code azp})
 * @param merchantId its {@code merchant_id} claim, or null when it names none (an admin's token)
 * @param scope its {@code scope} claim, space-separated, or null
 * @param roles its realm roles
 * @param subject its {@code sub} claim, or null
 * @param username its {@code preferred_username} claim, or null
 */
public record VerifiedToken(String clientId, String merchantId, String scope, Set<String> roles, String subject,
        String username) {
    public static final String ADMIN_ROLE = "admin";

    public VerifiedToken {
        Objects.requireNonNull(clientId, "clientId");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public VerifiedToken(String clientId, String merchantId, String scope, Set<String> roles) {
        this(clientId, merchantId, scope, roles, null, null);
    }

    /** The admin it proves, for the admin API: only with the realm role {@code admin}. */
    public Optional<AdminActor> admin() {
        return roles.contains(ADMIN_ROLE) ? Optional.of(new AdminActor(clientId, subject, username)) : Optional.empty();
    }

    /**
     * The caller it makes for the API: a merchant's user or partner, in test mode, allowed what its
     * scopes name; empty when it names no merchant or has neither role. Its rate limit is counted
     * under its client, as a key's is under the key.
     */
    public Optional<Caller> caller() {
        if (merchantId == null || merchantId.isBlank() || !(roles.contains("merchant") || roles.contains("partner"))) {
            return Optional.empty();
        }
        return Optional.of(new Caller(merchantId, Mode.TEST, "oauth_" + clientId, Permissions.parse(
                scope == null ? "" : scope)));
    }
}
