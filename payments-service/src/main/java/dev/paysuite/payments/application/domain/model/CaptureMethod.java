package dev.paysuite.payments.application.domain.model;

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
        throw PaymentException.invalid(PaymentErrorCodes.PARAMETER_INVALID,
                "Invalid capture_method: must be 'automatic' or 'manual'.", "capture_method");
    }
}
