package dev.paysuite.payments.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void currenciesKnowTheirMinorUnit() {
        assertEquals(2, CurrencyUnit.of("USD").exponent());
        assertEquals(0, CurrencyUnit.of("JPY").exponent());
        assertEquals(3, CurrencyUnit.of("KWD").exponent());
        assertEquals(8, CurrencyUnit.of("BTC").exponent());
        assertTrue(CurrencyUnit.of("ETH").crypto());
    }

    @Test
    void currencyCodesAreCaseInsensitiveAndAnsweredUpperCase() {
        assertEquals("EUR", CurrencyUnit.of("eur").code());
    }

    @Test
    void anUnknownCurrencyIsInvalid() {
        PaymentException e = assertThrows(PaymentException.class, () -> CurrencyUnit.of("ABC"));
        assertEquals(PaymentErrorCodes.CURRENCY_INVALID, e.code());
        assertEquals("currency", e.param());
    }

    @Test
    void fundsAndMetalCodesAreNotMoneyWeTake() {
        assertTrue(CurrencyUnit.lookup("XAU").isEmpty());
        assertTrue(CurrencyUnit.lookup("XXX").isEmpty());
    }

    @Test
    void amountsMustBePositiveAndBounded() {
        assertEquals(PaymentErrorCodes.AMOUNT_INVALID,
                assertThrows(PaymentException.class, () -> Money.of(-1L, "USD")).code());
        assertEquals(PaymentErrorCodes.AMOUNT_INVALID,
                assertThrows(PaymentException.class, () -> Money.of(0L, "USD")).code());
        assertEquals(PaymentErrorCodes.AMOUNT_TOO_LARGE,
                assertThrows(PaymentException.class, () -> Money.of(Money.MAX_AMOUNT + 1, "USD")).code());
        assertEquals("amount", assertThrows(PaymentException.class, () -> Money.of(null, "USD")).param());
    }

    @Test
    void exactlyOneSourceMustBeNamed() {
        assertEquals(PaymentErrorCodes.PARAMETER_MISSING,
                assertThrows(PaymentException.class, () -> PaymentSource.of(null, null, null)).code());
        assertEquals(PaymentErrorCodes.PARAMETER_INVALID,
                assertThrows(PaymentException.class, () -> PaymentSource.of("pm_1", "tok_visa", null)).code());
        assertInstanceOf(PaymentSource.Token.class, PaymentSource.of(null, null, "tok_visa"));
        assertEquals("card_token", PaymentSource.of(null, null, "tok_visa").param());
    }

    @Test
    void aMalformedPaymentMethodIdIsInvalid() {
        assertEquals("payment_method_id",
                assertThrows(PaymentException.class, () -> PaymentSource.of("card_123", null, null)).param());
    }

    @Test
    void metadataIsLimitedToFiftyKeys() {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            values.put("k" + i, "v");
        }
        assertEquals(PaymentErrorCodes.METADATA_INVALID,
                assertThrows(PaymentException.class, () -> Metadata.of(values)).code());
    }

    @Test
    void metadataValuesAreBounded() {
        PaymentException e = assertThrows(PaymentException.class, () -> Metadata.of(Map.of("k", "v".repeat(501))));
        assertEquals("metadata[k]", e.param());
    }

    @Test
    void idsCarryTheirPrefix() {
        assertTrue(PaymentId.generate().value().matches("pay_[0-9A-Za-z]{24}"));
        assertTrue(Ids.eventId().startsWith("evt_"));
    }
}
