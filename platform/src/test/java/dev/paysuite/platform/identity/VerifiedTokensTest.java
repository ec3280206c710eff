package dev.paysuite.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A verified token's text is served again only while the token has not expired, and the memory is bounded. */
class VerifiedTokensTest {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T10:00:00Z"));
    final VerifiedTokens tokens = new VerifiedTokens(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    @Test
    void aVerifiedTokenIsServedUntilItsExpiryAndNeverAfter() {
        JsonWebToken token = token(now.get().getEpochSecond() + 30);
        assertSame(token, tokens.remember("text", token));
        assertSame(token, tokens.get("text").orElseThrow());
        assertTrue(tokens.get("other text").isEmpty());

        now.set(now.get().plusSeconds(29));
        assertSame(token, tokens.get("text").orElseThrow());
        now.set(now.get().plusSeconds(1)); // at exp: expired
        assertTrue(tokens.get("text").isEmpty());
        assertEquals(0, tokens.size());
    }

    @Test
    void aTokenWithoutExpiryIsNotRemembered() {
        tokens.remember("text", token(0));
        assertTrue(tokens.get("text").isEmpty());
        assertTrue(tokens.get(null).isEmpty());
    }

    @Test
    void whenFullExpiredEntriesGoFirstAndThenAll() {
        long exp = now.get().getEpochSecond() + 10;
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.remember("t" + i, token(i % 2 == 0 ? exp : exp + 100));
        }
        now.set(now.get().plusSeconds(20)); // half of them expired
        tokens.remember("new", token(exp + 100));
        assertEquals(VerifiedTokens.MAX_ENTRIES / 2 + 1, tokens.size());
        assertTrue(tokens.get("t1").isPresent());
        assertTrue(tokens.get("t0").isEmpty());

        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.remember("u" + i, token(exp + 100));
        }
        assertTrue(tokens.size() <= VerifiedTokens.MAX_ENTRIES);
    }

    private static JsonWebToken token(long exp) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "t";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
            }
        };
    }
}
