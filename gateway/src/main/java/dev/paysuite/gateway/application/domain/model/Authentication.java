package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;

/** What the Authorization header proved. */
public sealed interface Authentication {

    record Authenticated(Caller caller, RateLimitPolicy rateLimit) implements Authentication {
        public Authenticated {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(rateLimit, "rateLimit");
        }
    }

    /** No Authorization header at all. */
    record Missing() implements Authentication {
    }

    /** A header that is malformed, or names a key that is unknown, revoked or of the other mode. */
    record Invalid() implements Authentication {
    }

    /** The key could not be looked up (the key store is down and the key is not cached). */
    record Unavailable() implements Authentication {
    }
}
