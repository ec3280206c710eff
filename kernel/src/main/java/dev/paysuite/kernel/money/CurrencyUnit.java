package dev.paysuite.kernel.money;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An ISO 4217 currency (or BTC / ETH for crypto methods) and its minor unit: amounts are integers
 * in that unit (2 digits for USD, none for JPY, 3 for KWD, 4 for CLF, 8 for BTC: the satoshi, 9 for
 * ETH: the gwei). The ISO table is the JDK's, plus the ISO codes the JDK does not know yet.
 *
 * <p>ETH's minor unit is the gwei, not the wei (18 digits): in wei, a million ETH is 10^24, beyond a
 * {@code long} and far beyond what a JSON number carries exactly.
 */
public record CurrencyUnit(String code, int exponent, boolean crypto) {
    /**
     * The largest integer every JSON reader holds exactly (a JavaScript number is a double): no
     * amount on the wire is above it.
     */
    public static final long MAX_EXACT_JSON_INTEGER = (1L << 53) - 1;
    /** Just under a billion major units, where the exponent and the JSON limit allow it. */
    private static final int MAX_MAJOR_DIGITS = 9;
    /** The one limit every currency had before, 99,999,999,999 minor units: no currency's limit drops below it. */
    private static final int FORMER_LIMIT_DIGITS = 11;

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
        KNOWN.put("ETH", new CurrencyUnit("ETH", 9, true));
    }

    public CurrencyUnit {
        if (code == null || code.length() != 3) {
            throw new IllegalArgumentException("A currency code has three letters");
        }
        // Up to 9 digits, a million major units (10^(6+exponent)) stays below MAX_EXACT_JSON_INTEGER
        // and maxAmount() does not overflow.
        if (exponent < 0 || exponent > 9) {
            throw new IllegalArgumentException("A minor unit has 0 to 9 digits");
        }
    }

    /** Every currency we take, in code order. */
    public static List<CurrencyUnit> all() {
        return List.copyOf(KNOWN.values());
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

    /**
     * The largest amount accepted in this currency, in minor units: just under a billion major units
     * ({@code 10^(9+exponent) - 1}: 999,999,999.99 USD, 999,999,999.999 KWD), never less than the
     * 99,999,999,999 minor units every currency accepted before (so JPY and the other zero-decimal
     * currencies keep 99,999,999,999 and no stored amount becomes unreadable), and never more than
     * {@link #MAX_EXACT_JSON_INTEGER} (about 90 million BTC, 9 million ETH). Always at least a
     * million major units.
     */
    public long maxAmount() {
        // At most 10^18: fits a long.
        return Math.min(pow10(Math.max(MAX_MAJOR_DIGITS + exponent, FORMER_LIMIT_DIGITS)) - 1, MAX_EXACT_JSON_INTEGER);
    }

    /** An amount in minor units written in major units, exactly: 99999999999 USD is "999999999.99". */
    public String toMajor(long minorUnits) {
        return BigDecimal.valueOf(minorUnits, exponent).toPlainString();
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
