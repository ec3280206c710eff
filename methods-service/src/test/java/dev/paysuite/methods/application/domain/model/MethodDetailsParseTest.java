package dev.paysuite.methods.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paysuite.kernel.error.DomainException;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each type's details as a whole: the secret the vault seals, what is shown, and the first rule broken. */
class MethodDetailsParseTest {
    static final YearMonth NOW = YearMonth.of(2026, 11);

    static MethodInput input(String number, Integer month, Integer year, String cvc, String token, String routing,
            String account, String iban, String bic, String address) {
        return new MethodInput(number, month, year, cvc, token, routing, account, iban, bic, address);
    }

    @ParameterizedTest(name = "{0}: shown {2}, last4 {3}")
    @CsvSource(nullValues = "-", value = {
        "card,         4242424242424242;12;2030;123;-;-;-;-;-;-,                     -,                          4242",
        "card,         378282246310005;1;2031;1234;-;-;-;-;-;-,                      -,                          0005",
        "apple_pay,    -;-;-;-;tok_apple_abcdefgh;-;-;-;-;-,                          -,                          -",
        "google_pay,   -;-;-;-;gp_0123456789;-;-;-;-;-,                               -,                          -",
        "paypal,       -;-;-;-;BA-8A802366G0648845;-;-;-;-;-,                         -,                          -",
        "ach_debit,    -;-;-;-;-;110000000;000123456789;-;-;-,                        routing_number=110000000,   6789",
        "wire,         -;-;-;-;-;-;-;DE89 3704 0044 0532 0130 00;COBADEFFXXX;-,       bic=COBADEFFXXX,            3000",
        "wire,         -;-;-;-;-;-;12345678;-;DEUTDEFF;-,                             bic=DEUTDEFF,               5678",
        "bitcoin,      -;-;-;-;-;-;-;-;-;bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq, address=bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq, -",
        "ethereum,     -;-;-;-;-;-;-;-;-;0x52908400098527886E0F7030069857D2E4169EE7, address=0x52908400098527886E0F7030069857D2E4169EE7, -",
    })
    void validDetailsOfEveryType(String type, String fields, String extra, String last4) {
        MethodDetails d = MethodDetails.parse(MethodType.parse(type, "type"), parse(fields), NOW);
        assertEquals(type, d.type().apiName());
        assertEquals(last4, d.shown().last4());
        if (extra != null) {
            String[] kv = extra.split("=", 2);
            assertEquals(kv[1], d.shown().extra().get(kv[0]));
        }
        boolean crypto = type.equals("bitcoin") || type.equals("ethereum");
        assertEquals(!crypto, d.secret().isPresent(), "sealed in the vault");
        String first = fields.split(";")[0].replace(" ", "");
        d.secret().ifPresent(s -> assertFalse(!first.equals("-") && s.toString().contains(first)));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} at {3}")
    @CsvSource(nullValues = "-", value = {
        "card,       -;12;2030;-;-;-;-;-;-;-,                        card_number_invalid,    card.number",
        "card,       4242424242424241;12;2030;-;-;-;-;-;-;-,         card_number_invalid,    card.number",
        "card,       4242424242424242;13;2030;-;-;-;-;-;-;-,         expiry_invalid,         card.expMonth",
        "card,       4242424242424242;10;2026;-;-;-;-;-;-;-,         card_expired,           card.expYear",
        "card,       4242424242424242;12;2030;12;-;-;-;-;-;-,        cvc_invalid,            card.cvc",
        "card,       378282246310005;12;2030;123;-;-;-;-;-;-,        cvc_invalid,            card.cvc",
        "apple_pay,  -;-;-;-;-;-;-;-;-;-,                            wallet_token_invalid,   applePay.token",
        "paypal,     -;-;-;-;has space;-;-;-;-;-,                    wallet_token_invalid,   paypal.token",
        "ach_debit,  -;-;-;-;-;110000001;000123456789;-;-;-,         routing_number_invalid, achDebit.routingNumber",
        "ach_debit,  -;-;-;-;-;110000000;12;-;-;-,                   account_number_invalid, achDebit.accountNumber",
        "wire,       -;-;-;-;-;-;-;DE89 3704 0044 0532 0130 01;-;-,  iban_invalid,           wire.iban",
        "wire,       -;-;-;-;-;-;-;-;-;-,                            iban_invalid,           wire.iban",
        "wire,       -;-;-;-;-;-;12345678;-;DEUT;-,                  bic_invalid,            wire.bic",
        "wire,       -;-;-;-;-;-;-;-;DEUTDEFF;-,                     account_number_invalid, wire.accountNumber",
        "bitcoin,    -;-;-;-;-;-;-;-;-;1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3, address_invalid, bitcoin.address",
        "ethereum,   -;-;-;-;-;-;-;-;-;0x52908400098527886E0F7030069857D2E4169Ee7, address_invalid, ethereum.address",
    })
    void invalidDetailsNameTheFieldAndNeverTheValue(String type, String fields, String code, String field) {
        DomainException e = assertThrows(DomainException.class,
                () -> MethodDetails.parse(MethodType.parse(type, "type"), parse(fields), NOW));
        assertEquals(code, e.code());
        assertEquals(field, e.field());
        String first = fields.split(";")[0];
        assertFalse(!first.equals("-") && e.getMessage().contains(first), "the message repeats the value");
    }

    @ParameterizedTest
    @CsvSource({"visa_card", "CARD", "''"})
    void anUnknownTypeIsRefused(String type) {
        assertThrows(DomainException.class, () -> MethodType.parse(type, "type"));
    }

    static MethodInput parse(String fields) {
        String[] f = fields.split(";", -1);
        java.util.function.IntFunction<String> s = i -> f[i].equals("-") ? null : f[i];
        java.util.function.IntFunction<Integer> n = i -> f[i].equals("-") ? null : Integer.valueOf(f[i]);
        return input(s.apply(0), n.apply(1), n.apply(2), s.apply(3), s.apply(4), s.apply(5), s.apply(6), s.apply(7),
                s.apply(8), s.apply(9));
    }

}
