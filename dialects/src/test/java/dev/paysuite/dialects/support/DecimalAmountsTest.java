package dev.paysuite.dialects.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paysuite.dialects.DialectRefusal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecimalAmountsTest {

    static long minor(String json, String currency) {
        return DecimalAmounts.toMinor(Json.requestObject(("{\"amount\": " + json + "}").getBytes(StandardCharsets.UTF_8))
                .get("amount"), currency, "amount");
    }

    static DialectRefusal refused(String json, String currency) {
        return assertThrows(DialectRefusal.class, () -> minor(json, currency));
    }

    @Test
    void majorUnitsBecomeMinorUnitsExactlyWithTheCurrencysExponent() {
        assertEquals(10000, minor("100.00", "USD"));
        assertEquals(10000, minor("100", "USD"));
        assertEquals(10010, minor("100.1", "usd"));
        assertEquals(100, minor("100", "JPY"));
        assertEquals(100500, minor("100.5", "KWD"));
        // 0.1 + 0.2 style values that a double would get wrong
        assertEquals(30, minor("0.30", "USD"));
        assertEquals(1_500_000_001L, minor("1.500000001", "ETH")); // to the gwei
        assertEquals(99999999999L, minor("999999999.99", "USD"));
    }

    @Test
    void moreDigitsThanTheCurrencyHasAreRefusedNeverRounded() {
        DialectRefusal usd = refused("100.001", "USD");
        assertEquals(400, usd.status());
        assertEquals("amount", usd.error().param());
        assertEquals("amount_invalid", usd.error().code());
        refused("100.5", "JPY");
        refused("100.000", "USD");
    }

    @Test
    void badAmountsAndCurrenciesAreRefusedNamingTheParameter() {
        assertEquals("amount", refused("\"100.00\"", "USD").error().param());
        assertEquals("amount", refused("-1.00", "USD").error().param());
        assertEquals("amount", refused("0", "USD").error().param());
        assertEquals("amount_too_large", refused("1e30", "USD").error().code());
        assertEquals("amount_too_large", refused("99999999999999999999999999999", "USD").error().code());
        assertEquals("currency", refused("1.00", "XXX").error().param());
        assertEquals("currency", refused("1.00", null).error().param());
    }

    @Test
    void minorUnitsReadBackWithTheCurrencysDigits() {
        assertEquals("100.00", Json.text(DecimalAmounts.toMajor(10000, "USD")));
        assertEquals("100", Json.text(DecimalAmounts.toMajor(100, "JPY")));
        assertEquals("0.05", Json.text(DecimalAmounts.toMajor(5, "USD")));
    }
}
