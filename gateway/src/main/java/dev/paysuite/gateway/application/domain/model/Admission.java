package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;
import java.util.Optional;

/** Whether a request may go on, with the rate-limit state every answer reports. */
public sealed interface Admission {
    RateLimitDecision rateLimit();

    record Admitted(Caller caller, RateLimitDecision rateLimit) implements Admission {
        public Admitted {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(rateLimit, "rateLimit");
        }
    }

    /** Authenticated, but its key (or token) lacks the scope the request needs. */
    record Forbidden(Caller caller, Scope needed, RateLimitDecision rateLimit) implements Admission {
        public Forbidden {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(needed, "needed");
            Objects.requireNonNull(rateLimit, "rateLimit");
        }
    }

    /** @param keyPresented false when there was no Authorization header at all */
    record Unauthenticated(boolean keyPresented, RateLimitDecision rateLimit) implements Admission {
        public Unauthenticated {
            Objects.requireNonNull(rateLimit, "rateLimit");
        }
    }

    /** @param caller empty when the request was counted against its client address (no valid key) */
    record RateLimited(Optional<Caller> caller, RateLimitDecision rateLimit) implements Admission {
        public RateLimited {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(rateLimit, "rateLimit");
        }
    }

    /** The key store could not be asked; the request is neither admitted nor held against anyone. */
    record KeyStoreUnavailable(RateLimitDecision rateLimit) implements Admission {
        public KeyStoreUnavailable {
            Objects.requireNonNull(rateLimit, "rateLimit");
        }
    }
}
