package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;

/**
 * Where a request came from, as the gateway saw it (the X-Forwarded-* headers a service receives).
 *
 * @param host the host the client addressed, when it said (HTTP/1.0 may not)
 */
public record ClientConnection(String address, String scheme, String host) {
    public ClientConnection {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(scheme, "scheme");
    }
}
