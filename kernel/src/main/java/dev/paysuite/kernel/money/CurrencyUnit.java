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
 * in that unit (2 digits for USD, none for JPY, 3 for KWD, 4 for CLF, 8 for BTC, 18 for ETH). The
 * ISO table is the JDK's, plus the ISO codes the JDK does not know yet.
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
        KNOWN.putIfAbsent("UYW", new CurrencyUnit("UYW", 4, false)); // ISO 4217 since 2018, not in JDK 17's table
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
