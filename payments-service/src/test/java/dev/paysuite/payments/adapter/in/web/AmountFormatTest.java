package dev.paysuite.payments.adapter.in.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paysuite.kernel.money.Money;
import org.junit.jupiter.api.Test;

class AmountFormatTest {
    @Test
    void eachCurrencyShowsItsMinorUnitsExactly() {
        assertEquals("$10.00", AmountFormat.of(Money.of(1000L, "USD")));
        assertEquals("$1,234,567.89", AmountFormat.of(Money.of(123456789L, "USD")));
        assertEquals("¥1,000", AmountFormat.of(Money.of(1000L, "JPY")));
        assertEquals("KWD 1.500", AmountFormat.of(Money.of(1500L, "KWD")));
        assertEquals("€0.05", AmountFormat.of(Money.of(5L, "EUR")));
        assertEquals("0.00100000 BTC", AmountFormat.of(Money.of(100_000L, "BTC")));
        assertEquals("0.001000000 ETH", AmountFormat.of(Money.of(1_000_000L, "ETH")));
        assertEquals("90,071,992.54740991 BTC", AmountFormat.of(Money.of(9_007_199_254_740_991L, "BTC")));
    }
}
