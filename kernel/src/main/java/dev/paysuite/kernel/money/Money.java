package dev.paysuite.kernel.money;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import java.util.Objects;

/** An amount of money in the minor unit of its currency. Always positive. */
public record Money(long amount, CurrencyUnit currency) {
    /** The largest amount accepted, in minor units (999,999,999.99 in a two-digit currency). */
    public static final long MAX_AMOUNT = 99_999_999_999L;

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amount <= 0) {
            throw DomainException.invalid(ErrorCodes.AMOUNT_INVALID,
                    "Amount must be a positive integer in the currency's minor unit (e.g. 1000 for 10.00 USD).",
                    "amount");
        }
        if (amount > MAX_AMOUNT) {
            throw DomainException.invalid(ErrorCodes.AMOUNT_TOO_LARGE,
                    "Amount must be at most " + MAX_AMOUNT + " in the currency's minor unit.", "amount");
        }
    }

    public static Money of(Long amount, String currencyCode) {
        if (amount == null) {
            throw DomainException.missing("amount");
        }
        return new Money(amount, CurrencyUnit.of(currencyCode));
    }

    public boolean isIn(CurrencyUnit unit) {
        return currency.equals(unit);
    }
}
