package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;

/** What the Authorization header of an admin request proved. */
public sealed interface AdminAuthentication {

    /** A valid token with the realm role {@code admin}. */
    record Admin(AdminActor actor) implements AdminAuthentication {
        public Admin {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** No Authorization header at all. */
    record Missing() implements AdminAuthentication {
    }

    /** Not a valid access token: an API key, a malformed, forged or expired token. */
    record Invalid() implements AdminAuthentication {
    }

    /** A valid token whose caller is no admin. */
    record Forbidden() implements AdminAuthentication {
    }

    /** The identity provider could not be asked. */
    record Unavailable() implements AdminAuthentication {
    }
}
