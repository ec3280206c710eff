package dev.paysuite.methods.adapter.out.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AesGcmTest {
    static final String K1 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String K2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    final VaultKeys keys = new VaultKeys(Map.of("k1", K1, "k2", K2), "k1", K1);

    @Test
    void whatIsSealedOpensUnderItsKeyAndRecordOnly() {
        byte[] sealed = AesGcm.seal(keys.active(), "vr_1", "4242424242424242");
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("4242"));
        assertEquals("4242424242424242", AesGcm.open(keys.get("k1"), "vr_1", sealed));
        IllegalStateException wrongKey = assertThrows(IllegalStateException.class,
                () -> AesGcm.open(keys.get("k2"), "vr_1", sealed));
        assertFalse(wrongKey.getMessage().contains("4242"));
        assertThrows(IllegalStateException.class, () -> AesGcm.open(keys.get("k1"), "vr_2", sealed),
                "a sealed value moved onto another record");
    }

    @Test
    void aTamperedRecordDoesNotOpen() {
        byte[] sealed = AesGcm.seal(keys.active(), "vr_1", "4242424242424242");
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> AesGcm.open(keys.get("k1"), "vr_1", sealed));
    }

    @Test
    void everySealingUsesAFreshNonce() {
        byte[] a = AesGcm.seal(keys.active(), "vr_1", "4242424242424242");
        byte[] b = AesGcm.seal(keys.active(), "vr_1", "4242424242424242");
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void aKeyRingThatCannotWorkStopsTheServiceNamingTheKeyNotItsValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VaultKeys(Map.of("k1", K1), "k9", K1))
                .getMessage().contains("k9"));
        String tooShort = assertThrows(IllegalArgumentException.class,
                () -> new VaultKeys(Map.of("short", "c2hvcnQ="), "short", K1)).getMessage();
        assertTrue(tooShort.contains("short") && tooShort.contains("32 bytes") && !tooShort.contains("c2hvcnQ"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VaultKeys(Map.of("k1", K1), "k1", "c2hvcnQ="))
                .getMessage().contains("fingerprint-key"));
        assertTrue(assertThrows(IllegalStateException.class, () -> keys.get("gone")).getMessage().contains("gone"));
    }
}
