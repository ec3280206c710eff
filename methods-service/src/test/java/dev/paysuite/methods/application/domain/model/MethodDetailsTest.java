package dev.paysuite.methods.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paysuite.kernel.error.DomainException;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tables of valid and invalid details per type: what is accepted, and the code and field of each refusal. */
class MethodDetailsTest {
    static final YearMonth NOW = YearMonth.of(2026, 11);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "4242424242424242, visa, 4242",
            "4242 4242 4242 4242, visa, 4242",
            "4000-0566-5566-5556, visa, 5556",
            "4222222222222, visa, 2222",
            "5555555555554444, mastercard, 4444",
            "2223003122003222, mastercard, 3222",
            "378282246310005, amex, 0005",
            "371449635398431, amex, 8431",
            "6011111111111117, discover, 1117",
            "6011000990139424, discover, 9424",
            "3056930009020004, diners, 0004",
            "36227206271667, diners, 1667",
            "3566002020360505, jcb, 0505",
            "6200000000000005, unionpay, 0005",
    })
    void validCardNumbersAreRecognisedByBrand(String typed, String brand, String last4) {
        CardNumber number = CardNumber.parse(typed);
        assertEquals(brand, number.brand().apiName());
        assertEquals(last4, number.last4());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(value = {
            "4242424242424241", // check digit
            "5555555555554445",
            "424242424242424", // 15 digits: not a Visa length
            "37828224631000", // 14 digits: not an Amex length
            "4242a24242424242",
            "42424242",
            "42424242424242424242",
            "''",
    })
    void invalidCardNumbersAreRefusedNamingTheFieldButNotTheNumber(String typed) {
        DomainException e = assertThrows(DomainException.class, () -> CardNumber.parse(typed));
        assertEquals(InvalidMethodDetails.CARD_NUMBER_INVALID, e.code());
        assertEquals("card.number", e.field());
        if (typed.length() > 4) {
            assertFalse(e.getMessage().contains(typed), e.getMessage());
        }
    }

    @Test
    void aCardNumberNeverPrintsItself() {
        assertEquals("CardNumber[visa …4242]", CardNumber.parse("4242424242424242").toString());
        assertEquals("Iban[GB …5432]", Iban.parse("GB82 WEST 1234 5698 7654 32").toString());
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"11, 2026, 2026", "12, 2030, 2030", "1, 27, 2027", "12, 76, 2076"})
    void expiriesThisMonthOrLaterAreGood(int month, int year, int fullYear) {
        assertEquals(new CardExpiry(month, fullYear), CardExpiry.of(month, year, NOW));
    }

    @ParameterizedTest(name = "{0}/{1}: {2} on {3}")
    @CsvSource({
            "10, 2026, card_expired, card.expYear",
            "12, 25, card_expired, card.expYear",
            "0, 2027, expiry_invalid, card.expMonth",
            "13, 2027, expiry_invalid, card.expMonth",
            "1, 1999, expiry_invalid, card.expYear",
            "1, 2099, expiry_invalid, card.expYear",
    })
    void pastOrImpossibleExpiriesAreRefused(int month, int year, String code, String field) {
        DomainException e = assertThrows(DomainException.class, () -> CardExpiry.of(month, year, NOW));
        assertEquals(code, e.code());
        assertEquals(field, e.field());
    }

    @Test
    void theCvcHasThreeDigitsOrFourOnAnAmex() {
        Cvc.check("123", CardBrand.VISA);
        Cvc.check("1234", CardBrand.AMEX);
        Cvc.check(null, CardBrand.VISA);
        for (String bad : List.of("12", "1234", "12a", "")) {
            assertEquals(InvalidMethodDetails.CVC_INVALID,
                    assertThrows(DomainException.class, () -> Cvc.check(bad, CardBrand.VISA)).code());
        }
        assertThrows(DomainException.class, () -> Cvc.check("123", CardBrand.AMEX));
    }

    @Test
    void routingNumbersCarryTheirChecksum() {
        for (String good : List.of("011000015", "021000021", "110000000")) {
            assertEquals(good, AchRoutingNumber.parse(good).value());
        }
        for (String bad : List.of("011000016", "02100002", "0210000211", "02100002a", "")) {
            DomainException e = assertThrows(DomainException.class, () -> AchRoutingNumber.parse(bad));
            assertEquals(InvalidMethodDetails.ROUTING_NUMBER_INVALID, e.code());
            assertEquals("achDebit.routingNumber", e.field());
        }
    }

    @Test
    void ibansCarryTheirCheckDigitsAndTheirCountrysLength() {
        assertEquals("GB", Iban.parse("GB82 WEST 1234 5698 7654 32").country());
        assertEquals("3000", Iban.parse("de89370400440532013000").last4());
        assertEquals("2606", Iban.parse("FR14 2004 1010 0505 0001 3M02 606").last4());
        for (String bad : List.of("GB82 WEST 1234 5698 7654 33", "GB82 WEST 1234 5698 7654 3", "XX82WEST12345698765432",
                "GBAB WEST 1234 5698 7654 32", "DE89-3704-0044-0532-0130-00", "")) {
            DomainException e = assertThrows(DomainException.class, () -> Iban.parse(bad), bad);
            assertEquals(InvalidMethodDetails.IBAN_INVALID, e.code());
            assertEquals("wire.iban", e.field());
        }
    }

    @Test
    void bicsHaveEightOrElevenCharactersAndACountry() {
        assertEquals("DEUTDEFF", Bic.parse("deutdeff").value());
        assertEquals("DEUTDEFF500", Bic.parse("DEUTDEFF500").value());
        for (String bad : List.of("DEUT1EFF", "DEUTXXFF", "DEUTDEF", "DEUTDEFF5", "")) {
            assertEquals(InvalidMethodDetails.BIC_INVALID,
                    assertThrows(DomainException.class, () -> Bic.parse(bad), bad).code());
        }
    }
}
