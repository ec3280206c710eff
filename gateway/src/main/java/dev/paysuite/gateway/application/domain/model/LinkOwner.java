package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;

/** Whose payment link a page is: the vault keeps a card typed there for this merchant and mode. */
public record LinkOwner(String merchantId, Mode mode) {
    public LinkOwner {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(mode, "mode");
    }

    /** The owner as the caller the vault exchange acts for (a card on the page is the merchant's). */
    public Caller asCaller() {
        return new Caller(merchantId, mode, "hosted_page");
    }
}
