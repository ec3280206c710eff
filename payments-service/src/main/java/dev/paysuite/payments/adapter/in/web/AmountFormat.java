package dev.paysuite.payments.adapter.in.web;

import dev.paysuite.kernel.money.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/**
 * An amount as a customer reads it: the minor units moved by the currency's exponent, exactly
 * (never through a double), grouped by thousands: {@code $10.00}, {@code ¥1,000}, {@code KWD 1.500},
 * {@code 0.00100000 BTC}, {@code 0.001000000 ETH}.
 */
public final class AmountFormat {
    private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "EUR", "€", "GBP", "£", "JPY", "¥");

    private AmountFormat() {
    }

    public static String of(Money money) {
        return of(money.amount(), money);
    }

    /** {@code minor} units in {@code money}'s currency (a line item's total, say). */
    public static String of(long minor, Money money) {
        int exponent = money.currency().exponent();
        String code = money.currency().code();
        DecimalFormat format = new DecimalFormat(exponent == 0 ? "#,##0" : "#,##0." + "0".repeat(exponent),
                DecimalFormatSymbols.getInstance(Locale.US));
        String number = format.format(BigDecimal.valueOf(minor).movePointLeft(exponent));
        if (money.currency().crypto()) {
            return number + " " + code;
        }
        String symbol = SYMBOLS.get(code);
        return symbol != null ? symbol + number : code + " " + number;
    }
}
