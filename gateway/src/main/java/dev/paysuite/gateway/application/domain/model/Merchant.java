package dev.paysuite.gateway.application.domain.model;

import dev.paysuite.kernel.error.ErrorCodes;
import java.time.Instant;
import java.util.Objects;

/** A merchant the gateway knows: the owner of API keys. */
public record Merchant(String id, String name, Instant createdAt) {
    public static final String ID_PREFIX = "mer_";
    public static final int MAX_NAME_LENGTH = 255;

    public Merchant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name == null) {
            throw AdminException.missing("name");
        }
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw AdminException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{name} must be 1 to " + MAX_NAME_LENGTH + " characters, not all blank.", "name");
        }
        AdminException.requirePrintable(name, "name");
    }
}
