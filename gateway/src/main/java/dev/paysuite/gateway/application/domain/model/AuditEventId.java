package dev.paysuite.gateway.application.domain.model;

import dev.paysuite.kernel.id.TypedId;
import java.util.Objects;

public record AuditEventId(String value) implements TypedId {
    public static final String PREFIX = "aud_";

    public AuditEventId {
        Objects.requireNonNull(value, "value");
    }
}
