package dev.paysuite.dialects.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import dev.paysuite.dialects.DialectRefusal;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.money.CurrencyUnit;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Amounts in decimal major units (seeds 000 and 004: {@code 100.00} USD) converted to and from the
 * canonical minor units exactly, with the currency's exponent, never through floating point. A
 * decimal may carry at most the currency's exponent in digits after the point ({@code 100.00} USD,
 * {@code 100} JPY): more is refused, never rounded.
 */
public final class DecimalAmounts {
    private DecimalAmounts() {
    }

    /**
     * The canonical minor units of a JSON amount in major units.
     *
     * @param amount the JSON value as sent (a number); null or absent is left to the caller
     * @param currency the ISO code (any case) the amount is in; unknown currencies are refused
     */
    public static long toMinor(JsonNode amount, String currency, String param) {
        CurrencyUnit unit = currency(currency);
        if (amount == null || !amount.isNumber()) {
            throw DialectRefusal.invalid(ErrorCodes.AMOUNT_INVALID,
                    "Invalid " + param + ": expected a number in " + unit.code() + " such as " + example(unit) + ".",
                    param);
        }
        BigDecimal major = amount.isIntegralNumber() ? new BigDecimal(amount.bigIntegerValue()) : amount.decimalValue();
        if (major.scale() > unit.exponent()) {
            throw DialectRefusal.invalid(ErrorCodes.AMOUNT_INVALID, "Invalid " + param + ": " + unit.code()
                    + " amounts carry at most " + unit.exponent() + " digit" + (unit.exponent() == 1 ? "" : "s")
                    + " after the decimal point (" + example(unit) + "); " + major.toPlainString()
                    + " has " + major.scale() + ".", param);
        }
        if (major.signum() <= 0) {
            throw DialectRefusal.invalid(ErrorCodes.AMOUNT_INVALID,
                    "Invalid " + param + ": it must be greater than zero.", param);
        }
        BigInteger minor = major.movePointRight(unit.exponent()).toBigIntegerExact();
        if (minor.bitLength() > 62 || minor.longValueExact() > unit.maxAmount()) {
            throw DialectRefusal.invalid(ErrorCodes.AMOUNT_TOO_LARGE, "Invalid " + param + ": at most "
                    + unit.toMajor(unit.maxAmount()) + " " + unit.code() + ".", param);
        }
        return minor.longValueExact();
    }

    /** Canonical minor units as a JSON number in major units with the currency's digits: 1000 USD is 10.00. */
    public static JsonNode toMajor(long minor, String currency) {
        CurrencyUnit unit = CurrencyUnit.lookup(currency == null ? "" : currency.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException("Unknown currency " + currency));
        return DecimalNode.valueOf(BigDecimal.valueOf(minor, unit.exponent()));
    }

    private static CurrencyUnit currency(String currency) {
        if (currency == null) {
            throw DialectRefusal.invalid(ErrorCodes.PARAMETER_MISSING, "Missing required parameter: currency.",
                    "currency");
        }
        return CurrencyUnit.lookup(currency.toUpperCase(Locale.ROOT)).orElseThrow(() -> DialectRefusal.invalid(
                ErrorCodes.CURRENCY_INVALID, "Invalid currency: " + currency + " is not a supported currency.",
                "currency"));
    }

    private static String example(CurrencyUnit unit) {
        return BigDecimal.valueOf(10_000L * (long) Math.pow(10, Math.min(unit.exponent(), 2)), Math.min(unit.exponent(), 2))
                .setScale(unit.exponent()).toPlainString();
    }
}
