package dev.paysuite.gateway.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.application.domain.model.ApiKey;
import dev.paysuite.gateway.application.domain.model.ApiKeySecret;
import dev.paysuite.gateway.application.domain.model.Authentication;
import dev.paysuite.gateway.application.domain.model.Caller;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.domain.model.Scope;
import dev.paysuite.gateway.application.domain.model.VerifiedToken;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticateApiKeyServiceTest {
    static final String SECRET = "sk_test_1234567890abcdefghijklmnop";
    static final RateLimitPolicy HOURLY = new RateLimitPolicy(1000, 3600, 20);

    final FakePorts.Keys keys = new FakePorts.Keys();
    final FakePorts.AccessTokens tokens = new FakePorts.AccessTokens();
    final AuthenticateApiKeyService service = new AuthenticateApiKeyService(keys, tokens, HOURLY);

    Authentication authenticate(String header) {
        return service.authenticate(header).toCompletableFuture().join();
    }

    @Test
    void anAccessTokenAuthenticatesTheMerchantItNamesWithItsScopesAndNeverAsksTheKeyStore() {
        String partner = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwYXJ0bmVyIn0.c2lnbmF0dXJl";
        tokens.valid.put(partner, new VerifiedToken("demo-partner", "mer_demo", "payments:read events:read",
                Set.of("partner")));
        var authenticated = assertInstanceOf(Authentication.Authenticated.class, authenticate("Bearer " + partner));
        assertEquals("mer_demo", authenticated.caller().merchantId());
        assertEquals("oauth_demo-partner", authenticated.caller().keyId());
        assertEquals(Set.of(Scope.PAYMENTS_READ, Scope.EVENTS_READ), authenticated.caller().permissions().scopes());
        assertEquals(HOURLY, authenticated.rateLimit());
        assertEquals(List.of(), keys.lookedUp);
        // forged or expired (the provider refuses it), naming no merchant, or without a merchant's role
        assertInstanceOf(Authentication.Invalid.class, authenticate("Bearer a.b.c"));
        String admin = "eyJ.admin.token";
        tokens.valid.put(admin, new VerifiedToken("paysuite-admin-cli", null, "", Set.of("admin")));
        assertInstanceOf(Authentication.Invalid.class, authenticate("Bearer " + admin));
        String roleless = "eyJ.roleless.token";
        tokens.valid.put(roleless, new VerifiedToken("x", "mer_demo", "payments:read", Set.of("offline_access")));
        assertInstanceOf(Authentication.Invalid.class, authenticate("Bearer " + roleless));
        tokens.down = true;
        assertInstanceOf(Authentication.Unavailable.class, authenticate("Bearer " + partner));
    }

    @Test
    void aKnownKeyAuthenticatesItsMerchantWithItsOwnRateLimit() {
        keys.byHash.put(ApiKeySecret.sha256(SECRET), new ApiKey("key_1", "mer_1", Mode.TEST, HOURLY, false));
        var authenticated = assertInstanceOf(Authentication.Authenticated.class, authenticate("Bearer " + SECRET));
        assertEquals(new Caller("mer_1", Mode.TEST, "key_1"), authenticated.caller());
        assertEquals(HOURLY, authenticated.rateLimit());
    }

    @Test
    void noHeaderIsAMissingKey() {
        assertInstanceOf(Authentication.Missing.class, authenticate(null));
        assertInstanceOf(Authentication.Missing.class, authenticate("  "));
        assertTrue(keys.lookedUp.isEmpty());
    }

    @Test
    void aMalformedHeaderIsInvalidWithoutAskingTheKeyStore() {
        assertInstanceOf(Authentication.Invalid.class, authenticate("Basic dXNlcjpwYXNz"));
        assertInstanceOf(Authentication.Invalid.class, authenticate("Bearer pk_test_1234567890abcdefghij"));
        assertTrue(keys.lookedUp.isEmpty());
    }

    @Test
    void anUnknownKeyIsInvalidAndOnlyItsHashIsLookedUp() {
        assertInstanceOf(Authentication.Invalid.class, authenticate("Bearer " + SECRET));
        assertEquals(List.of(ApiKeySecret.sha256(SECRET)), keys.lookedUp);
    }

    @Test
    void aRevokedKeyIsInvalid() {
        keys.byHash.put(ApiKeySecret.sha256(SECRET), new ApiKey("key_1", "mer_1", Mode.TEST, HOURLY, true));
        assertInstanceOf(Authentication.Invalid.class, authenticate("Bearer " + SECRET));
    }

    @Test
    void aKeyStoredWithTheOtherModeIsInvalid() {
        keys.byHash.put(ApiKeySecret.sha256(SECRET), new ApiKey("key_1", "mer_1", Mode.LIVE, HOURLY, false));
        assertInstanceOf(Authentication.Invalid.class, authenticate("Bearer " + SECRET));
    }

    @Test
    void aKeyStoreThatCannotAnswerMakesAuthenticationUnavailable() {
        keys.down = true;
        assertInstanceOf(Authentication.Unavailable.class, authenticate("Bearer " + SECRET));
    }
}
