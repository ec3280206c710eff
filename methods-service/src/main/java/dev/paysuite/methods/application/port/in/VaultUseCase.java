package dev.paysuite.methods.application.port.in;

import dev.paysuite.methods.application.domain.model.Instrument;
import dev.paysuite.methods.application.domain.model.MethodInput;
import dev.paysuite.methods.application.domain.model.VaultToken;
import dev.paysuite.methods.application.domain.model.AcquirerAnswer;

/** What other services ask of the vault: what a method or token is, tokens for inline cards, forwarding. */
public interface VaultUseCase {
    /** The instrument behind a method or token this merchant may charge; NOT_FOUND otherwise. */
    Instrument instrument(String merchantId, boolean livemode, String ref);

    /** A token for card details; the same merchant, key and card give the same token ({@link Exchanged#replayed}). */
    Exchanged exchange(String merchantId, boolean livemode, String idempotencyKey, MethodInput card);

    /** Fills the card of {@code command.instrument()} into the body and posts it to the named acquirer, audited. */
    AcquirerAnswer forward(Forward command);

    /** The fingerprint this merchant sees for a secret's keyed hash; null for none. */
    String fingerprint(String merchantId, String secretHash);

    /**
     * A keyed hash of a value that must not be kept in clear, for what needs to compare it (an
     * Idempotency-Key's record of a request that carried a card number).
     */
    String blind(String value);

    /** How many records are sealed under keys other than the active one (rotation's progress). */
    long recordsOnOldKeys();

    /** Re-seals one batch of records under the active key; how many. */
    int rotateBatch(int max);

    record Exchanged(VaultToken token, boolean replayed) {
    }

    record Forward(String merchantId, boolean livemode, String instrument, String destination, String reason,
            String body) {
    }
}
