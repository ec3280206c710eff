package dev.paysuite.webhooks.application.domain.model;

/** Whether an endpoint receives deliveries. */
public enum EndpointStatus {
    ENABLED("enabled"),
    DISABLED("disabled");

    private final String wireName;

    EndpointStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
