package dev.paysuite.kernel.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every currency we take holds real amounts, and none is larger than a JSON number carries exactly. */
class MoneyLimitsTest {
    static final long MAX_EXACT_JSON_INTEGER = 9_007_199_254_740_991L; // 2^53 - 1

    /**
     * Every supported currency, listed independently of the table under test: the JDK's ISO currencies
     * that have a minor unit, UYW, BTC and ETH, and whatever else the table holds.
     */
    static Stream<String> everyCurrency() {
        Set<String> codes = new TreeSet<>(Set.of("UYW", "BTC", "ETH"));
        Currency.getAvailableCurrencies().stream().filter(c -> c.getDefaultFractionDigits() >= 0)
                .forEach(c -> codes.add(c.getCurrencyCode()));
        CurrencyUnit.all().forEach(u -> codes.add(u.code()));
        return codes.stream();
    }

    static long millionMajorUnits(CurrencyUnit unit) {
        return BigDecimal.valueOf(1_000_000).scaleByPowerOfTen(unit.exponent()).longValueExact();
    }

    /** What a JSON reader that holds numbers as doubles (JavaScript) reads back. */
    static long throughADouble(long amount) {
        return (long) (double) amount;
    }

    @ParameterizedTest
    @MethodSource("everyCurrency")
    void aMillionMajorUnitsIsAcceptedExactly(String code) {
        CurrencyUnit unit = CurrencyUnit.of(code);
        long million = millionMajorUnits(unit);
        Money money = new Money(million, unit);
        assertEquals(million, money.amount());
        assertEquals(0, new BigDecimal(unit.toMajor(money.amount())).compareTo(BigDecimal.valueOf(1_000_000)));
        assertEquals(million, throughADouble(million));
    }

    @ParameterizedTest
    @MethodSource("everyCurrency")
    void theMaximumIsAcceptedAndStaysAnExactJsonInteger(String code) {
        CurrencyUnit unit = CurrencyUnit.of(code);
        long max = unit.maxAmount();
        assertTrue(max <= MAX_EXACT_JSON_INTEGER, code + " allows " + max);
        assertTrue(max >= millionMajorUnits(unit), code + " allows only " + max);
        assertEquals(max, new Money(max, unit).amount());
        assertEquals(max, throughADouble(max));
    }

    @ParameterizedTest
    @MethodSource("everyCurrency")
    void noCurrencyAcceptsLessThanBeforeSoStoredAmountsStayReadable(String code) {
        assertTrue(CurrencyUnit.of(code).maxAmount() >= 99_999_999_999L);
    }

    @ParameterizedTest
    @MethodSource("everyCurrency")
    void oneMoreThanTheMaximumIsRefusedNamingTheMaximum(String code) {
        CurrencyUnit unit = CurrencyUnit.of(code);
        long max = unit.maxAmount();
        DomainException e = assertThrows(DomainException.class, () -> new Money(max + 1, unit));
        assertEquals(ErrorCodes.AMOUNT_TOO_LARGE, e.code());
        assertEquals("amount", e.field());
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains(String.valueOf(max)), e.getMessage());
        assertTrue(e.getMessage().contains(unit.toMajor(max) + " " + unit.code()), e.getMessage());
    }

    @Test
    void theMaximumIsJustUnderABillionMajorUnitsButNeverBelowTheFormerLimitNorAboveJsonsExactIntegers() {
        assertEquals(99_999_999_999L, CurrencyUnit.of("USD").maxAmount());
        assertEquals(99_999_999_999L, CurrencyUnit.of("JPY").maxAmount());
        assertEquals(999_999_999_999L, CurrencyUnit.of("KWD").maxAmount());
        assertEquals(9_999_999_999_999L, CurrencyUnit.of("CLF").maxAmount());
        assertEquals(MAX_EXACT_JSON_INTEGER, CurrencyUnit.of("BTC").maxAmount());
        assertEquals(MAX_EXACT_JSON_INTEGER, CurrencyUnit.of("ETH").maxAmount());
    }

    @Test
    void ethIsCountedInGwei() {
        CurrencyUnit eth = CurrencyUnit.of("ETH");
        assertEquals(9, eth.exponent());
        assertTrue(eth.crypto());
        assertEquals("1000000.000000000", eth.toMajor(1_000_000_000_000_000L));
        assertEquals("9007199.254740991", eth.toMajor(eth.maxAmount()));
    }

    @Test
    void theTableHoldsTheCryptoCurrenciesAndNoFunds() {
        Set<String> codes = new TreeSet<>();
        CurrencyUnit.all().forEach(u -> codes.add(u.code()));
        assertTrue(codes.containsAll(Set.of("USD", "EUR", "JPY", "KWD", "UYW", "BTC", "ETH")), codes.toString());
        assertFalse(codes.contains("XAU"));
    }

    @Test
    void theMessageNamesTheMaximumInTheCurrency() {
        DomainException e = assertThrows(DomainException.class, () -> Money.of(100_000_000_000L, "usd"));
        assertEquals("The amount must be at most 99999999999 in USD's minor unit (999999999.99 USD).", e.getMessage());
    }
}
