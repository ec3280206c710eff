package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.Caller;

public interface IssueIdentityTokenPort {
    /** A short-lived token, signed by the gateway, that tells a service who the caller is. */
    String tokenFor(Caller caller);

    /**
     * A short-lived service token, signed by the gateway as a calling service, for another service's
     * internal API on the caller's behalf (the merchant and mode only): no public route accepts it.
     */
    String serviceTokenFor(Caller caller);
}
