package dev.paysuite.platform.identity;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens whose signature and claims were already checked, by their exact text, until they expire. The
 * gateway and the services reuse a signed token for many calls (half its lifetime), so without this every
 * request paid an RSA verification and a JSON parse for a token verified a moment before (about a seventh
 * of payments-service's CPU under load, by JFR). The same text can only verify the same way, except for
 * time: an entry is served only before the token's {@code exp}, never after, whatever the parser's skew.
 * Bounded: when full, expired entries go, and if none had, all of them (that only costs verifications).
 * Only verified tokens are kept; a rejected text is checked again every time.
 */
public final class VerifiedTokens {
    static final int MAX_ENTRIES = 10_000;

    private record Entry(JsonWebToken token, long expiresAtSecond) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The token verified earlier for exactly this text, if it has not expired since. */
    public Optional<JsonWebToken> get(String raw) {
        Entry entry = raw == null ? null : entries.get(raw);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.instant().getEpochSecond() >= entry.expiresAtSecond()) {
            entries.remove(raw, entry);
            return Optional.empty();
        }
        return Optional.of(entry.token());
    }

    /** Remembers a token that was just verified (one without an expiry is not remembered). */
    public JsonWebToken remember(String raw, JsonWebToken token) {
        long exp = token.getExpirationTime();
        if (raw == null || exp <= 0) {
            return token;
        }
        if (entries.size() >= MAX_ENTRIES) {
            long now = clock.instant().getEpochSecond();
            entries.values().removeIf(e -> now >= e.expiresAtSecond());
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(raw, new Entry(token, exp));
        return token;
    }

    int size() {
        return entries.size();
    }
}
