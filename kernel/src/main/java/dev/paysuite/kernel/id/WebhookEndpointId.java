package dev.paysuite.kernel.id;

import java.util.Objects;

/** A webhook endpoint. */
public record WebhookEndpointId(String value) implements TypedId {
    public static final String PREFIX = "we_";

    public WebhookEndpointId {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookEndpointId generate() {
        return new WebhookEndpointId(Ids.generate(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
