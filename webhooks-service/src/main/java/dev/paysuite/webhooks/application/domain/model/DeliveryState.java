package dev.paysuite.webhooks.application.domain.model;

/** Where a delivery stands. */
public enum DeliveryState {
    /** Waiting for its next attempt (the first included). */
    PENDING("pending"),
    /** An attempt got a 2xx: nothing more is sent. */
    SUCCEEDED("succeeded"),
    /** The schedule ran out before any attempt succeeded. */
    FAILED("failed");

    private final String wireName;

    DeliveryState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
