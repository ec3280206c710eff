package dev.paysuite.gateway.application.domain.model;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;

/** A rule of the admin API refused the request; the field is the domain's own name. */
public final class AdminException extends DomainException {
    public static final String KEY_REVOKED = "api_key_revoked";

    private AdminException(Kind kind, String code, String message, String field) {
        super(kind, code, message, field);
    }

    public static AdminException invalid(String code, String message, String field) {
        return new AdminException(Kind.INVALID, code, message, field);
    }

    public static AdminException missing(String field) {
        return invalid(ErrorCodes.PARAMETER_MISSING, "Missing required parameter: {" + field + "}.", field);
    }

    public static AdminException notFound(String what, String id) {
        return new AdminException(Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING, "No such " + what + ": '" + id + "'.",
                null);
    }

    public static AdminException conflict(String code, String message) {
        return new AdminException(Kind.CONFLICT, code, message, null);
    }

    /** Control characters (NUL included) have no place in a name, and would corrupt logs and terminals. */
    public static void requirePrintable(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw invalid(ErrorCodes.PARAMETER_INVALID, "{" + field + "} must not contain control characters.",
                        field);
            }
        }
    }
}
