package dev.paysuite.methods.adapter.out.vault;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key ring: AES-256 keys by id, the active one, and the fingerprint key. Checked once when the
 * service starts, so a missing or malformed key stops it there (naming the key id, never the key).
 */
public final class VaultKeys {
    private final Map<String, SecretKey> keys;
    private final String activeId;
    private final byte[] fingerprintKey;

    public VaultKeys(Map<String, String> encodedKeys, String activeId, String encodedFingerprintKey) {
        Map<String, SecretKey> ring = new LinkedHashMap<>();
        encodedKeys.forEach((id, encoded) -> {
            if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("Vault key ids are 1 to 64 letters, digits, '-' or '_'");
            }
            byte[] raw = decode(encoded, "paysuite.vault.keys." + id);
            if (raw.length != 32) {
                throw new IllegalArgumentException("Vault key " + id + " must be 32 bytes (base64), not " + raw.length);
            }
            ring.put(id, new SecretKeySpec(raw, "AES"));
        });
        if (!ring.containsKey(activeId)) {
            throw new IllegalArgumentException("paysuite.vault.active-key names key " + activeId
                    + ", which paysuite.vault.keys does not hold");
        }
        this.fingerprintKey = decode(encodedFingerprintKey, "paysuite.vault.fingerprint-key");
        if (fingerprintKey.length < 32) {
            throw new IllegalArgumentException("paysuite.vault.fingerprint-key must be at least 32 bytes (base64)");
        }
        this.keys = Map.copyOf(ring);
        this.activeId = activeId;
    }

    private static byte[] decode(String encoded, String property) {
        try {
            return Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " is not base64");
        }
    }

    public String activeId() {
        return activeId;
    }

    public SecretKey active() {
        return keys.get(activeId);
    }

    /** The key of {@code id}; an error when the ring no longer holds it (removed before rotation ended). */
    public SecretKey get(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("A vault record is sealed under key " + id
                    + ", which paysuite.vault.keys no longer holds: put it back until rotation has re-sealed every record");
        }
        return key;
    }

    byte[] fingerprintKey() {
        return fingerprintKey.clone();
    }
}
