package dev.paysuite.webhooks.application.domain.model;

import dev.paysuite.kernel.id.Ids;
import dev.paysuite.kernel.id.TypedId;
import java.util.Objects;

/** One event's delivery to one endpoint; only this service knows it, so its prefix lives here. */
public record DeliveryId(String value) implements TypedId {
    public static final String PREFIX = "whdel_";

    public DeliveryId {
        Objects.requireNonNull(value, "value");
    }

    public static DeliveryId generate() {
        return new DeliveryId(Ids.generate(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
