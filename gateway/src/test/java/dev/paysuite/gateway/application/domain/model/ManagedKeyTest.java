package dev.paysuite.gateway.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.error.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManagedKeyTest {
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    static ManagedKey secretKey() {
        return ManagedKey.issue("key_1", "mer_1", Mode.TEST, false, Set.of(), RateLimitPolicy.DEFAULT, NOW).key();
    }

    @Test
    void anIssuedKeyComesWithASecretOfItsModeAndKindThatAuthenticatesIt() {
        IssuedKey live = ManagedKey.issue("key_1", "mer_1", Mode.LIVE, false, Set.of(), RateLimitPolicy.DEFAULT, NOW);
        assertTrue(live.secret().reveal().startsWith("sk_live_"));
        assertEquals(live.secret().reveal().substring(0, 12), live.key().prefix());
        assertTrue(ApiKeySecret.parse(live.secret().reveal()).isPresent());
        IssuedKey restricted = ManagedKey.issue("key_2", "mer_1", Mode.TEST, true, Set.of(Scope.PAYMENTS_READ),
                RateLimitPolicy.DEFAULT, NOW);
        assertTrue(restricted.secret().reveal().startsWith("rk_test_"));
        assertEquals(Set.of(Scope.PAYMENTS_READ), restricted.key().permissions().scopes());
        assertFalse(restricted.secret().toString().contains(restricted.secret().reveal()));
    }

    @Test
    void aRestrictedKeyNeedsScopesAndASecretKeyTakesNone() {
        DomainException none = assertThrows(DomainException.class, () -> ManagedKey.issue("key_1", "mer_1", Mode.TEST,
                true, Set.of(), RateLimitPolicy.DEFAULT, NOW));
        assertEquals("scopes", none.field());
        DomainException some = assertThrows(DomainException.class, () -> ManagedKey.issue("key_1", "mer_1", Mode.TEST,
                false, Set.of(Scope.EVENTS_READ), RateLimitPolicy.DEFAULT, NOW));
        assertEquals("scopes", some.field());
    }

    @Test
    void aRolledKeyWorksUntilTheEndOfItsGracePeriodBesideItsSuccessor() {
        ManagedKey.Rolled rolled = secretKey().roll("key_2", GracePeriod.ofSeconds(60), NOW);
        assertEquals(NOW.plusSeconds(60), rolled.old().expiresAt());
        assertTrue(rolled.old().usableAt(NOW.plusSeconds(59)));
        assertFalse(rolled.old().usableAt(NOW.plusSeconds(60)));
        ManagedKey successor = rolled.successor().key();
        assertEquals("key_2", successor.id());
        assertEquals("mer_1", successor.merchantId());
        assertEquals(RateLimitPolicy.DEFAULT, successor.rateLimit());
        assertNull(successor.expiresAt());
        assertTrue(successor.usableAt(NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void rollingWithNoGracePeriodEndsTheOldKeyAtOnce() {
        ManagedKey old = secretKey().roll("key_2", GracePeriod.ofSeconds(0), NOW).old();
        assertFalse(old.usableAt(NOW));
    }

    @Test
    void rollingAgainNeverLengthensAnEarlierGracePeriod() {
        ManagedKey once = secretKey().roll("key_2", GracePeriod.ofSeconds(60), NOW).old();
        assertEquals(NOW.plusSeconds(60), once.roll("key_3", GracePeriod.DEFAULT, NOW.plusSeconds(1)).old().expiresAt());
        assertEquals(NOW.plusSeconds(11), once.roll("key_3", GracePeriod.ofSeconds(10), NOW.plusSeconds(1)).old().expiresAt());
    }

    @Test
    void aRevokedOrExpiredKeyCannotBeRolled() {
        ManagedKey revoked = secretKey().revoke(NOW);
        assertEquals(DomainException.Kind.CONFLICT, assertThrows(DomainException.class,
                () -> revoked.roll("key_2", GracePeriod.DEFAULT, NOW)).kind());
        ManagedKey expired = secretKey().roll("key_2", GracePeriod.ofSeconds(0), NOW).old();
        assertThrows(DomainException.class, () -> expired.roll("key_3", GracePeriod.DEFAULT, NOW));
    }

    @Test
    void revokingIsAtOnceAndRevokingAgainChangesNothing() {
        ManagedKey revoked = secretKey().revoke(NOW);
        assertEquals(NOW, revoked.revokedAt());
        assertFalse(revoked.usableAt(NOW));
        assertSame(revoked, revoked.revoke(NOW.plusSeconds(5)));
    }

    @Test
    void gracePeriodsRunFromNoneToAWeek() {
        assertEquals(Duration.ZERO, GracePeriod.ofSeconds(0).duration());
        assertEquals(Duration.ofDays(7), GracePeriod.ofSeconds(604_800).duration());
        assertEquals(Duration.ofDays(1), GracePeriod.DEFAULT.duration());
        assertEquals("gracePeriodSeconds", assertThrows(DomainException.class, () -> GracePeriod.ofSeconds(604_801)).field());
        assertEquals("gracePeriodSeconds", assertThrows(DomainException.class, () -> GracePeriod.ofSeconds(-1)).field());
    }

    @Test
    void anApiKeyPastItsExpiryNoLongerAuthenticates() {
        ApiKeySecret secret = ApiKeySecret.generate(Mode.TEST, false);
        ApiKey rolled = new ApiKey("key_1", "mer_1", Mode.TEST, RateLimitPolicy.DEFAULT, false, Permissions.ALL,
                NOW.plusSeconds(2));
        assertTrue(rolled.authenticates(secret, NOW.plusMillis(1_999)));
        assertFalse(rolled.authenticates(secret, NOW.plusSeconds(2)));
        assertTrue(new ApiKey("key_1", "mer_1", Mode.TEST, RateLimitPolicy.DEFAULT, false).authenticates(secret, NOW));
    }

    @Test
    void adminRateLimitsAreBoundedAndNameTheWrongField() {
        assertEquals(new RateLimitPolicy(10, 60, 5), RateLimitPolicy.bounded(10, 60, 5));
        assertEquals("limit", assertThrows(DomainException.class, () -> RateLimitPolicy.bounded(0, 60, 1)).field());
        assertEquals("limit", assertThrows(DomainException.class, () -> RateLimitPolicy.bounded(1_000_001, 60, 1)).field());
        assertEquals("windowSeconds", assertThrows(DomainException.class, () -> RateLimitPolicy.bounded(10, 0, 1)).field());
        assertEquals("windowSeconds", assertThrows(DomainException.class, () -> RateLimitPolicy.bounded(10, 86_401, 1)).field());
        assertEquals("burst", assertThrows(DomainException.class, () -> RateLimitPolicy.bounded(10, 60, 11)).field());
    }

    @Test
    void aMerchantNeedsANameOfOneTo255PrintableCharacters() {
        assertEquals("Acme", new Merchant("mer_1", "Acme", NOW).name());
        assertEquals("name", assertThrows(DomainException.class, () -> new Merchant("mer_1", null, NOW)).field());
        assertEquals("name", assertThrows(DomainException.class, () -> new Merchant("mer_1", " ", NOW)).field());
        assertEquals("name", assertThrows(DomainException.class, () -> new Merchant("mer_1", "x".repeat(256), NOW)).field());
        assertEquals("name", assertThrows(DomainException.class, () -> new Merchant("mer_1", "Ac\u0000me", NOW)).field());
        assertEquals("name", assertThrows(DomainException.class, () -> new Merchant("mer_1", "Ac\nme", NOW)).field());
    }

    @Test
    void onlyATokenWithTheAdminRoleMakesAnAdmin() {
        VerifiedToken admin = new VerifiedToken("paysuite-admin-cli", null, null, Set.of("admin"), "sub-1", "ops");
        assertEquals(new AdminActor("paysuite-admin-cli", "sub-1", "ops"), admin.admin().orElseThrow());
        assertTrue(new VerifiedToken("demo-partner", "mer_demo", "payments:read", Set.of("partner")).admin().isEmpty());
    }
}
