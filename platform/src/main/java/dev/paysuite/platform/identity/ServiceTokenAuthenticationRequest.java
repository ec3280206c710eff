package dev.paysuite.platform.identity;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The bearer token of a request to an {@code /internal} route, to verify as a service token. */
public final class ServiceTokenAuthenticationRequest extends BaseAuthenticationRequest {
    private final String token;

    public ServiceTokenAuthenticationRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    @Override
    public String toString() {
        return "ServiceTokenAuthenticationRequest[…]";
    }
}
