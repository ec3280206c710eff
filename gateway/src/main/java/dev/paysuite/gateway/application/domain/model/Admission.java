package dev.paysuite.gateway.application.domain.model;

/** Whether a request may go on, and the rate-limit state every answer reports. */
public sealed interface Admission {
    RateLimitDecision rateLimit();

    record Admitted(Caller caller, RateLimitDecision rateLimit) implements Admission {
    }

    /** No key, a malformed key, or a key that is unknown, revoked or of the wrong mode. */
    record Unauthenticated(boolean keyPresented, RateLimitDecision rateLimit) implements Admission {
    }

    record RateLimited(Caller caller, RateLimitDecision rateLimit) implements Admission {
    }
}
