package dev.paysuite.payments.application.domain.model;

import dev.paysuite.kernel.error.ErrorCodes;
import java.util.Locale;

/** Automatic captures at once; manual authorizes now and captures on a later request. */
public enum CaptureMethod {
    AUTOMATIC,
    MANUAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaptureMethod parse(String value) {
        if (value == null) {
            return AUTOMATIC;
        }
        for (CaptureMethod m : values()) {
            if (m.wireName().equals(value)) {
                return m;
            }
        }
        throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                "Invalid {captureMethod}: must be 'automatic' or 'manual'.", "captureMethod");
    }
}
