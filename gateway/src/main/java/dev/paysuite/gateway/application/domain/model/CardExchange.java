package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;

/** How the vault answered an inline card's exchange for a token. */
public sealed interface CardExchange {

    /** The card's token ({@code tok_…}): the same merchant, Idempotency-Key and card get the same one. */
    record Tokenized(String token) implements CardExchange {
        public Tokenized {
            if (token == null || !token.startsWith("tok_")) {
                throw new IllegalArgumentException("A vault token starts with tok_");
            }
        }
    }

    /** The vault refused the card's details (400), naming the field as {@code card[...]}. */
    record Refused(int status, String type, String code, String message, String param) implements CardExchange {
    }

    /** An answer the client gets as the vault gave it (an {@code idempotency_error}). */
    record PassedThrough(String upstream, UpstreamResponse response) implements CardExchange {
        public PassedThrough {
            Objects.requireNonNull(upstream, "upstream");
            Objects.requireNonNull(response, "response");
        }
    }

    /** The vault answered something the gateway's call should never get (401, 404, another 4xx): a defect. */
    record Defect(String upstream, int status) implements CardExchange {
    }

    /** The vault could not be reached, did not answer within the vault timeout, or failed (5xx). */
    record Unavailable(String upstream) implements CardExchange {
    }
}
