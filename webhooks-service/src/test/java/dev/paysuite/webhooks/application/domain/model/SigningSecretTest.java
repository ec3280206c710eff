package dev.paysuite.webhooks.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigningSecretTest {

    @Test
    void aNewSecretIsWhsecAndThe32RandomBytesInBase64() {
        String shown = SigningSecret.generate().reveal();
        assertTrue(shown.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(shown.substring(6)).length);
        assertNotEquals(shown, SigningSecret.generate().reveal());
    }

    @Test
    void theSameRandomSourceGivesTheSameSecret() {
        assertEquals(SigningSecret.generate(new SplittableRandom(7)), SigningSecret.generate(new SplittableRandom(7)));
    }

    @Test
    void aStoredSecretReadsBackEqual() {
        SigningSecret secret = SigningSecret.generate();
        assertEquals(secret, SigningSecret.parse(secret.reveal()));
        assertEquals(secret.reveal(), SigningSecret.parse(secret.reveal()).reveal());
    }

    @Test
    void theSpecsExampleSecretOf24BytesIsAccepted() {
        assertEquals("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").reveal());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_", "whsec_not base64!",
            "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 21 bytes
            "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" /* 36 bytes */ })
    void anythingElseIsRefusedWithoutRepeatingIt(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SigningSecret.parse(value));
        assertFalse(value.length() > 6 && e.getMessage().contains(value.substring(6)));
    }

    @Test
    void toStringNeverShowsTheSecret() {
        SigningSecret secret = SigningSecret.generate();
        assertEquals("whsec_***", secret.toString());
        assertFalse(String.valueOf(java.util.List.of(secret)).contains(secret.reveal().substring(6)));
    }
}
