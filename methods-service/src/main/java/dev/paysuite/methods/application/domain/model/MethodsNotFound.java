package dev.paysuite.methods.application.domain.model;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;

/** Objects this merchant does not have, in this mode: another merchant's do not exist either. */
public final class MethodsNotFound {
    private MethodsNotFound() {
    }

    public static DomainException customer(String id, String field) {
        return new DomainException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                "No such customer: '" + id + "'", field);
    }

    public static DomainException method(String id, String field) {
        return new DomainException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                "No such payment method: '" + id + "'", field);
    }
}
