package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.Caller;

public interface IssueIdentityTokenPort {
    /** A short-lived token, signed by the gateway, that tells a service who the caller is. */
    String tokenFor(Caller caller);
}
