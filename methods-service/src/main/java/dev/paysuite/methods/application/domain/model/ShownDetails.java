package dev.paysuite.methods.application.domain.model;

import java.util.Map;

/**
 * What anyone may see of a method: a card's brand, last four digits, expiry and funding; an
 * account's last four and its bank's routing number or BIC; a crypto address. Never a whole card or
 * account number.
 */
public record ShownDetails(String brand, String last4, Integer expMonth, Integer expYear, String funding,
        Map<String, String> extra) {
    public ShownDetails {
        if (last4 != null && last4.length() != 4) {
            throw new IllegalArgumentException("last4 must have four characters");
        }
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static ShownDetails of(Map<String, String> extra) {
        return new ShownDetails(null, null, null, null, null, extra);
    }
}
