package dev.paysuite.gateway.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeySecretTest {
    static final String DEMO = "sk_test_1234567890abcdefghijklmnop";

    @Test
    void theSecretsPrefixGivesItsMode() {
        assertEquals(Mode.TEST, ApiKeySecret.fromAuthorization("Bearer " + DEMO).orElseThrow().mode());
        assertEquals(Mode.LIVE, ApiKeySecret.fromAuthorization("Bearer sk_live_1234567890abcdefghijklmnop").orElseThrow().mode());
        assertFalse(ApiKeySecret.parse(DEMO).orElseThrow().restricted());
    }

    @Test
    void restrictedKeysAreRkWithTheirMode() {
        ApiKeySecret test = ApiKeySecret.parse("rk_test_1234567890abcdefghijklmnop").orElseThrow();
        assertTrue(test.restricted());
        assertEquals(Mode.TEST, test.mode());
        ApiKeySecret live = ApiKeySecret.parse("rk_live_1234567890abcdefghijklmnop").orElseThrow();
        assertTrue(live.restricted());
        assertEquals(Mode.LIVE, live.mode());
        assertTrue(ApiKeySecret.parse("rk_prod_1234567890abcdefghijklmnop").isEmpty());
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        assertTrue(ApiKeySecret.fromAuthorization("bearer " + DEMO).isPresent());
        assertTrue(ApiKeySecret.fromAuthorization("BEARER  " + DEMO).isPresent());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Bearer", "Bearer ", "Basic dXNlcjpwYXNz", DEMO, "Bearer pk_test_1234567890abcdefghij",
            "Bearer sk_prod_1234567890abcdefghij", "Bearer sk_test_", "Bearer sk_test_short",
            "Bearer sk_test_1234567890abcdefghijklmnop extra", "Bearer sk_test_1234567890abcdef-hijklmnop",
            "Bearer sk_TEST_1234567890abcdefghijklmnop"})
    void anythingButABearerSecretKeyIsNoKey(String header) {
        assertTrue(ApiKeySecret.fromAuthorization(header).isEmpty(), String.valueOf(header));
    }

    @Test
    void anOverlongSecretIsNoKey() {
        assertTrue(ApiKeySecret.parse("sk_test_" + "a".repeat(129)).isEmpty());
        assertTrue(ApiKeySecret.parse("sk_test_" + "a".repeat(128)).isPresent());
    }

    @Test
    void onlyTheSha256OfTheWholeSecretIsLookedUp() {
        ApiKeySecret key = ApiKeySecret.parse(DEMO).orElseThrow();
        // computed independently: echo -n sk_test_1234567890abcdefghijklmnop | sha256sum
        assertEquals("3c01bac8ca442743a1b8acb687da7afefd1a94d6381f2398aa87a79cdbf9aa14", key.hash());
    }

    @Test
    void theDisplayPrefixIsTheFirstTwelveCharacters() {
        assertEquals("sk_test_1234", ApiKeySecret.parse(DEMO).orElseThrow().displayPrefix());
    }

    @Test
    void aSecretNeverPrints() {
        assertFalse(ApiKeySecret.parse(DEMO).orElseThrow().toString().contains("1234567890"));
    }
}
