package dev.paysuite.methods.application.domain.service;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;

/** Objects this merchant does not have, in this mode: another merchant's do not exist either. */
final class MethodsNotFound {
    private MethodsNotFound() {
    }

    static DomainException customer(String id, String field) {
        return new DomainException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                "No such customer: '" + id + "'", field);
    }

    static DomainException method(String id, String field) {
        return new DomainException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                "No such payment method: '" + id + "'", field);
    }
}
