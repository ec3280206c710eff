package dev.paysuite.webhooks.adapter.out.persistence;

import dev.paysuite.webhooks.application.domain.model.SigningSecret;
import dev.paysuite.webhooks.config.WebhooksConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets at rest: AES-256-GCM under {@code paysuite.webhooks.secret-key} (as methods-service's
 * vault seals), a fresh 12-byte nonce per sealing, the endpoint id and the slot ("current",
 * "previous") as associated data, so a sealed secret copied onto another row or slot does not open.
 * Layout: nonce, then ciphertext with its tag. Errors name the endpoint, never a secret or the key.
 */
@ApplicationScoped
public class SecretSealer {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey key;

    public SecretSealer(WebhooksConfig config) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(config.secretKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("paysuite.webhooks.secret-key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("paysuite.webhooks.secret-key must be 32 bytes (base64), not " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    byte[] seal(String endpointId, String slot, SigningSecret secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((endpointId + "/" + slot).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    SigningSecret open(String endpointId, String slot, byte[] sealed) {
        if (sealed == null || sealed.length <= NONCE_BYTES) {
            throw new IllegalStateException("The " + slot + " secret of endpoint " + endpointId + " is not sealed data");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(sealed, NONCE_BYTES)));
            cipher.updateAAD((endpointId + "/" + slot).getBytes(StandardCharsets.UTF_8));
            return SigningSecret.parse(new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The " + slot + " secret of endpoint " + endpointId
                    + " does not open under paysuite.webhooks.secret-key");
        }
    }
}
