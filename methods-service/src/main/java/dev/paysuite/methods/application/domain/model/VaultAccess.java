package dev.paysuite.methods.application.domain.model;

import java.time.Instant;

/**
 * One line of the vault's audit log: a secret was decrypted ({@link #DECRYPT}), sent to an acquirer
 * ({@link #FORWARD}) or re-sealed under a new key ({@link #ROTATE}). Who, when, which record of which
 * method or token, and why; never the secret.
 */
public record VaultAccess(Instant at, String action, String actor, String vaultRecordId, String instrument,
        String reason) {
    public static final String DECRYPT = "decrypt";
    public static final String FORWARD = "forward";
    public static final String ROTATE = "rotate";
}
