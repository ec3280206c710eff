package dev.paysuite.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.RefundId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.kernel.money.Money;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void currenciesKnowTheirMinorUnit() {
        assertEquals(2, CurrencyUnit.of("USD").exponent());
        assertEquals(0, CurrencyUnit.of("JPY").exponent());
        assertEquals(3, CurrencyUnit.of("KWD").exponent());
        assertEquals(3, CurrencyUnit.of("BHD").exponent());
        assertEquals(0, CurrencyUnit.of("ISK").exponent());
        assertEquals(4, CurrencyUnit.of("CLF").exponent());
        assertEquals(4, CurrencyUnit.of("UYW").exponent());
        assertEquals(8, CurrencyUnit.of("BTC").exponent());
        assertEquals(9, CurrencyUnit.of("ETH").exponent());
        assertTrue(CurrencyUnit.of("ETH").crypto());
    }

    @Test
    void currencyCodesAreCaseInsensitiveAndAnsweredUpperCase() {
        assertEquals("EUR", CurrencyUnit.of("eur").code());
    }

    @Test
    void anUnknownCurrencyIsInvalid() {
        DomainException e = assertThrows(DomainException.class, () -> CurrencyUnit.of("ABC"));
        assertEquals(ErrorCodes.CURRENCY_INVALID, e.code());
        assertEquals("currency", e.field());
    }

    @Test
    void fundsAndMetalCodesAreNotMoneyWeTake() {
        assertTrue(CurrencyUnit.lookup("XAU").isEmpty());
        assertTrue(CurrencyUnit.lookup("XXX").isEmpty());
    }

    @Test
    void amountsMustBePositiveAndBounded() {
        assertEquals(ErrorCodes.AMOUNT_INVALID, assertThrows(DomainException.class, () -> Money.of(-1L, "USD")).code());
        assertEquals(ErrorCodes.AMOUNT_INVALID, assertThrows(DomainException.class, () -> Money.of(0L, "USD")).code());
        assertEquals(ErrorCodes.AMOUNT_TOO_LARGE,
                assertThrows(DomainException.class, () -> Money.of(100_000_000_000L, "USD")).code());
        assertEquals("amount", assertThrows(DomainException.class, () -> Money.of(null, "USD")).field());
        assertEquals("currency", assertThrows(DomainException.class, () -> Money.of(100L, null)).field());
    }

    @Test
    void metadataIsLimitedToFiftyKeys() {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            values.put("k" + i, "v");
        }
        DomainException e = assertThrows(DomainException.class, () -> Metadata.of(values));
        assertEquals(ErrorCodes.METADATA_INVALID, e.code());
        assertEquals("metadata", e.field());
    }

    @Test
    void metadataValuesAreBoundedAndNamedByTheirKey() {
        DomainException e = assertThrows(DomainException.class, () -> Metadata.of(Map.of("k", "v".repeat(501))));
        assertEquals("metadata.k", e.field());
    }

    @Test
    void idsCarryTheirPrefix() {
        assertTrue(PaymentId.generate().value().matches("pay_[0-9A-Za-z]{24}"));
        assertTrue(RefundId.generate().value().startsWith("ref_"));
        assertTrue(EventId.generate().value().startsWith("evt_"));
        assertEquals("pay_1", new PaymentId("pay_1").toString());
    }

    @Test
    void aMessageNamesFieldsAsTheCallerNamesThem() {
        DomainException e = DomainException.invalid("x", "{amountToCapture} must be at most {amount}.", "amountToCapture");
        assertEquals("amountToCapture must be at most amount.", e.getMessage());
        assertEquals("amount_to_capture must be at most amount.",
                e.message(f -> f.equals("amountToCapture") ? "amount_to_capture" : f));
        assertEquals("Missing required parameter: paymentId.", DomainException.missing("paymentId").getMessage());
    }
}
