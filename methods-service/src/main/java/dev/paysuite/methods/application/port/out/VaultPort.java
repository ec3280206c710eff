package dev.paysuite.methods.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.methods.application.domain.model.VaultSecret;

/** The vault's cryptography: sealing secrets, opening them again, and keyed hashes of them. */
public interface VaultPort {
    /** Seals {@code secret} under the active key as a new vault record, in the caller's transaction. */
    @ChangesState
    Sealed seal(VaultSecret secret);

    /** The keyed hash of a secret: equal secrets, equal hashes; the hash tells nothing without the key. */
    String secretHash(VaultSecret secret);

    /** The fingerprint {@code merchantId} sees for a secret: the same card gives the same one within a merchant only. */
    String fingerprint(String merchantId, String secretHash);

    /** The secret of a record, for forwarding only; the caller writes the audit line first. */
    String open(String vaultRecordId);

    /** Re-seals up to {@code max} records sealed under keys other than the active one; how many it re-sealed. */
    @ChangesState
    int resealBatch(int max);

    /** How many records are sealed under keys other than the active one. */
    long recordsOnOldKeys();

    record Sealed(String recordId, String secretHash) {
    }
}
