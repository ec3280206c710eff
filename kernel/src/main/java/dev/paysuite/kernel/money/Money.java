package dev.paysuite.kernel.money;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import java.util.Objects;

/**
 * An amount of money in the minor unit of its currency. Always positive and at most the currency's
 * {@link CurrencyUnit#maxAmount()}.
 */
public record Money(long amount, CurrencyUnit currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amount <= 0) {
            throw DomainException.invalid(ErrorCodes.AMOUNT_INVALID,
                    "Amount must be a positive integer in the currency's minor unit (e.g. 1000 for 10.00 USD).",
                    "amount");
        }
        long max = currency.maxAmount();
        if (amount > max) {
            throw DomainException.invalid(ErrorCodes.AMOUNT_TOO_LARGE,
                    "The {amount} must be at most " + max + " in " + currency.code() + "'s minor unit ("
                            + currency.toMajor(max) + " " + currency.code() + ").", "amount");
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
