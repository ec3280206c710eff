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

    /**
     * The identity token of a public page's request (no API key): {@code sub} "public", {@code groups}
     * [public], no mode; only the page routes of a service accept it.
     */
    String publicToken();

    /** A short-lived service token for another service's internal API, acting for no merchant. */
    String serviceTokenForItself();
}
