package dev.paysuite.kernel.money;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An ISO 4217 currency (or BTC / ETH for crypto methods) and its minor unit: amounts are integers
 * in that unit (2 digits for USD, none for JPY, 3 for KWD, 8 for BTC, 18 for ETH).
 */
public record CurrencyUnit(String code, int exponent, boolean crypto) {
    private static final Map<String, CurrencyUnit> KNOWN = new TreeMap<>();

    static {
        for (Currency c : Currency.getAvailableCurrencies()) {
            // Funds, precious metals and testing codes have no minor unit (-1): not money we take.
            if (c.getDefaultFractionDigits() >= 0) {
                KNOWN.put(c.getCurrencyCode(), new CurrencyUnit(c.getCurrencyCode(), c.getDefaultFractionDigits(), false));
            }
        }
        KNOWN.put("BTC", new CurrencyUnit("BTC", 8, true));
        KNOWN.put("ETH", new CurrencyUnit("ETH", 18, true));
    }

    /** Looks a code up case-insensitively; answers the canonical upper-case unit. */
    public static Optional<CurrencyUnit> lookup(String code) {
        if (code == null || code.length() != 3) {
            return Optional.empty();
        }
        return Optional.ofNullable(KNOWN.get(code.toUpperCase(Locale.ROOT)));
    }

    public static CurrencyUnit of(String code) {
        if (code == null || code.isBlank()) {
            throw DomainException.missing("currency");
        }
        return lookup(code).orElseThrow(() -> DomainException.invalid(ErrorCodes.CURRENCY_INVALID,
                "Invalid currency: '" + code + "'. Use a three-letter ISO 4217 code such as USD.", "currency"));
    }
}
