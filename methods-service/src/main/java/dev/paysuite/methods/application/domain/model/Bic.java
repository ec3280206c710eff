package dev.paysuite.methods.application.domain.model;

import java.util.Locale;
import java.util.Set;

/** A bank's SWIFT/BIC code (ISO 9362): 4 letters of bank, a country code, 2 of location, and an optional 3 of branch. */
public record Bic(String value) {
    static final String FIELD = "wire.bic";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public static Bic parse(String typed) {
        String bic = typed == null ? "" : typed.trim().toUpperCase(Locale.ROOT);
        boolean shape = bic.matches("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
        if (!shape || !COUNTRIES.contains(bic.substring(4, 6))) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.BIC_INVALID, FIELD,
                    "must be a BIC: 8 or 11 letters and digits, the 5th and 6th a country code.");
        }
        return new Bic(bic);
    }
}
