package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;

/**
 * Who did an admin action, as the identity provider's token says: its client ({@code azp}), its
 * subject ({@code sub}) and, when it has one, its user name ({@code preferred_username}).
 */
public record AdminActor(String clientId, String subject, String username) {
    public AdminActor {
        Objects.requireNonNull(clientId, "clientId");
    }
}
