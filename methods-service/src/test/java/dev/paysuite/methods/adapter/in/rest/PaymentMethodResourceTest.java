package dev.paysuite.methods.adapter.in.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.paysuite.platform.testing.TestCaller;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class PaymentMethodResourceTest {
    /** Numbers no other test uses, looked for in every table afterwards. */
    static final String KNOWN_CARD = "4000056655665556";
    static final String KNOWN_ACCOUNT = "000987654321";
    static final String KNOWN_IBAN = "GB82WEST12345698765432";
    /** A 4-digit amex CVC no other test sends (nor is it a year, an amount or a test card's last4). */
    static final String KNOWN_CVC = "9731";

    @Inject
    AgroalDataSource dataSource;

    final TestCaller merchant = TestCaller.newTestMerchant();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "card       | {\"number\": \"4000 0566 5566 5556\", \"exp_month\": 12, \"exp_year\": 2031, \"cvc\": \"123\"} | card.last4 | 5556",
        "apple_pay  | {\"token\": \"apple_tok_1234567890\"}                     | type              | apple_pay",
        "google_pay | {\"token\": \"google_tok_1234567890\"}                    | type              | google_pay",
        "paypal     | {\"token\": \"BA-8A802366G0648845\"}                      | type              | paypal",
        "ach_debit  | {\"routing_number\": \"110000000\", \"account_number\": \"000987654321\"} | ach_debit.last4 | 4321",
        "wire       | {\"iban\": \"GB82 WEST 1234 5698 7654 32\", \"bic\": \"NWBKGB2L\"} | wire.last4 | 5432",
        "bitcoin    | {\"address\": \"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq\"} | bitcoin.address | bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "ethereum   | {\"address\": \"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\"} | ethereum.address | 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    })
    void everyTypeIsStoredAndShownWithoutItsNumbers(String type, String details, String path, String shown) {
        String body = "{\"type\": \"" + type + "\", \"" + type + "\": " + details + "}";
        String answer = merchant.request().body(body).post("/v1/payment_methods").then().statusCode(201)
                .body("id", startsWith("pm_")).body("object", equalTo("payment_method")).body("type", equalTo(type))
                .body(path, equalTo(shown)).body("status", equalTo("usable")).extract().asString();
        for (String secret : List.of(KNOWN_CARD, KNOWN_ACCOUNT, KNOWN_IBAN, "1234567890\"", "8A802366G0648845")) {
            assertFalse(answer.contains(secret), "the answer shows a number");
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "card      | {\"number\": \"4242424242424241\", \"exp_month\": 12, \"exp_year\": 2031} | card_number_invalid | card[number]",
        "card      | {\"number\": \"4242424242424242\", \"exp_month\": 13, \"exp_year\": 2031} | expiry_invalid | card[exp_month]",
        "card      | {\"number\": \"4242424242424242\", \"exp_month\": 1, \"exp_year\": 2020}  | card_expired | card[exp_year]",
        "card      | {\"number\": \"4242424242424242\", \"exp_month\": 1, \"exp_year\": 2030, \"cvc\": \"12\"} | cvc_invalid | card[cvc]",
        "card      | {\"number\": \"4242424242424242\", \"exp_month\": 1, \"exp_year\": 2030, \"iban\": \"x\"} | parameter_unknown | card[iban]",
        "card      | {\"number\": 4242424242424242, \"exp_month\": 1, \"exp_year\": 2030} | parameter_invalid | card[number]",
        "apple_pay | {\"token\": \"short\"} | wallet_token_invalid | apple_pay[token]",
        "ach_debit | {\"routing_number\": \"110000001\", \"account_number\": \"000123456789\"} | routing_number_invalid | ach_debit[routing_number]",
        "ach_debit | {\"routing_number\": \"110000000\"} | account_number_invalid | ach_debit[account_number]",
        "wire      | {\"iban\": \"GB82 WEST 1234 5698 7654 33\"} | iban_invalid | wire[iban]",
        "wire      | {\"bic\": \"NWBK\", \"account_number\": \"12345678\"} | bic_invalid | wire[bic]",
        "bitcoin   | {\"address\": \"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdz\"} | address_invalid | bitcoin[address]",
        "ethereum  | {\"address\": \"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD\"} | address_invalid | ethereum[address]",
    })
    void invalidDetailsAreA400NamingTheField(String type, String details, String code, String param) {
        String body = "{\"type\": \"" + type + "\", \"" + type + "\": " + details + "}";
        String answer = merchant.request().body(body).post("/v1/payment_methods").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error")).body("error.code", equalTo(code))
                .body("error.param", equalTo(param)).extract().asString();
        assertFalse(answer.contains("424242424242424"), "the error repeats the number");
    }

    @Test
    void theTypeAndItsDetailsObjectMustAgree() {
        merchant.request().body(Map.of("card", Map.of("number", "4242424242424242"))).post("/v1/payment_methods")
                .then().statusCode(400).body("error.code", equalTo("parameter_missing")).body("error.param", equalTo("type"));
        merchant.request().body(Map.of("type", "card")).post("/v1/payment_methods").then().statusCode(400)
                .body("error.code", equalTo("parameter_missing")).body("error.param", equalTo("card"));
        merchant.request().body(Map.of("type", "card", "card", Map.of("number", "4242424242424242", "exp_month", 1,
                "exp_year", 2030), "ach_debit", Map.of("routing_number", "110000000"))).post("/v1/payment_methods")
                .then().statusCode(400).body("error.param", equalTo("ach_debit"));
        merchant.request().body(Map.of("type", "cheque")).post("/v1/payment_methods").then().statusCode(400)
                .body("error.param", equalTo("type"));
    }

    @Test
    void attachListDetachAndNeverAgain() {
        String customer = merchant.request().body(Map.of("name", "Jenny")).post("/v1/customers").then().statusCode(201)
                .extract().path("id");
        String pm = merchant.request().body(Cards.card("4242424242424242")).post("/v1/payment_methods").then()
                .statusCode(201).body("customer_id", nullValue()).extract().path("id");
        merchant.request().body(Map.of("customer_id", customer)).post("/v1/payment_methods/" + pm + "/attach").then()
                .statusCode(200).body("customer_id", equalTo(customer));
        merchant.request().get("/v1/customers/" + customer + "/payment_methods").then().statusCode(200)
                .body("data.id", equalTo(List.of(pm)));
        merchant.request().get("/v1/payment_methods?customer_id=" + customer + "&type=card").then().statusCode(200)
                .body("data.id", equalTo(List.of(pm)));
        merchant.request().get("/v1/payment_methods?customer_id=" + customer + "&type=paypal").then().statusCode(200)
                .body("data.id", equalTo(List.of()));
        merchant.request().get("/v1/payment_methods").then().statusCode(200).body("data.id", hasItem(pm));
        merchant.internalRequest().get("/internal/v1/instruments/" + pm).then().statusCode(200).body("last4", equalTo("4242"));

        merchant.request().post("/v1/payment_methods/" + pm + "/detach").then().statusCode(200)
                .body("status", equalTo("detached")).body("customer_id", nullValue()).body("detached_at", notNullValue());
        merchant.request().get("/v1/customers/" + customer + "/payment_methods").then().body("data.id", equalTo(List.of()));
        merchant.internalRequest().get("/internal/v1/instruments/" + pm).then().statusCode(404);
        merchant.request().post("/v1/payment_methods/" + pm + "/detach").then().statusCode(400)
                .body("error.code", equalTo("payment_method_unexpected_state"));
        merchant.request().body(Map.of("customer_id", customer)).post("/v1/payment_methods/" + pm + "/attach").then()
                .statusCode(400).body("error.code", equalTo("payment_method_unexpected_state"));
    }

    @Test
    void attachNeedsAnExistingCustomerOfTheSameMerchant() {
        TestCaller stranger = TestCaller.newTestMerchant();
        String theirs = stranger.request().body(Map.of("name", "x")).post("/v1/customers").then().statusCode(201)
                .extract().path("id");
        String pm = merchant.request().body(Cards.card("4242424242424242")).post("/v1/payment_methods").then()
                .statusCode(201).extract().path("id");
        merchant.request().body(Map.of("customer_id", theirs)).post("/v1/payment_methods/" + pm + "/attach").then()
                .statusCode(404).body("error.param", equalTo("customer_id"));
        merchant.request().body(Map.of()).post("/v1/payment_methods/" + pm + "/attach").then().statusCode(400)
                .body("error.code", equalTo("parameter_missing")).body("error.param", equalTo("customer_id"));
        merchant.request().body(Map.of("customer_id", "cus_nope")).post("/v1/payment_methods/pm_test_success/attach")
                .then().statusCode(404);
        String mine = merchant.request().body(Map.of("name", "y")).post("/v1/customers").then().extract().path("id");
        merchant.request().body(Map.of("customer_id", mine)).post("/v1/payment_methods/pm_test_success/attach").then()
                .statusCode(400).body("error.code", equalTo("payment_method_shared"));
    }

    @Test
    void anotherMerchantsMethodDoesNotExist() {
        TestCaller stranger = TestCaller.newTestMerchant();
        String pm = merchant.request().body(Cards.card("4242424242424242")).post("/v1/payment_methods").then()
                .statusCode(201).extract().path("id");
        stranger.request().get("/v1/payment_methods/" + pm).then().statusCode(404);
        stranger.request().post("/v1/payment_methods/" + pm + "/detach").then().statusCode(404);
        stranger.internalRequest().get("/internal/v1/instruments/" + pm).then().statusCode(404);
        stranger.request().get("/v1/payment_methods").then().body("data.id", not(hasItem(pm)));
        merchant.live().request().get("/v1/payment_methods/" + pm).then().statusCode(404);
    }

    @Test
    void theSameCardHasTheSameFingerprintWithinAMerchantOnly() {
        TestCaller other = TestCaller.newTestMerchant();
        String a = fingerprint(merchant, "4242 4242 4242 4242");
        String b = fingerprint(merchant, "4242-4242-4242-4242");
        String c = fingerprint(other, "4242424242424242");
        String d = fingerprint(merchant, "4111111111111111");
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertNotEquals(a, d);
    }

    String fingerprint(TestCaller caller, String number) {
        return caller.request().body(Cards.card(number)).post("/v1/payment_methods").then().statusCode(201)
                .body("card.fingerprint", notNullValue()).extract().path("card.fingerprint");
    }

    @Test
    void aRetriedCreateReplaysAndTheKeyKeepsNoNumber() throws Exception {
        String key = "pm-" + System.nanoTime();
        String first = merchant.request().header("Idempotency-Key", key).body(Cards.card(KNOWN_CARD))
                .post("/v1/payment_methods").then().statusCode(201).extract().path("id");
        merchant.request().header("Idempotency-Key", key).body(Cards.card(KNOWN_CARD)).post("/v1/payment_methods")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        merchant.request().header("Idempotency-Key", key).body(Cards.card("4242424242424242"))
                .post("/v1/payment_methods").then().statusCode(422).body("error.type", equalTo("idempotency_error"));
        merchant.request().body(Map.of("type", "ach_debit", "ach_debit", Map.of("routing_number", "110000000",
                "account_number", KNOWN_ACCOUNT))).post("/v1/payment_methods").then().statusCode(201);
        merchant.request().body(Map.of("type", "wire", "wire", Map.of("iban", KNOWN_IBAN))).post("/v1/payment_methods")
                .then().statusCode(201);
        assertNoTableHolds(KNOWN_CARD, KNOWN_ACCOUNT, KNOWN_IBAN, KNOWN_IBAN.substring(0, 12));
    }

    @Test
    void anAmexsCvcIsCheckedAndNeverKept() throws Exception {
        String key = "pm-cvc-" + System.nanoTime();
        Map<String, Object> amex = Map.of("type", "card", "card", Map.of("number", "378282246310005", "exp_month", 12,
                "exp_year", 2031, "cvc", KNOWN_CVC));
        String answer = merchant.request().header("Idempotency-Key", key).body(amex).post("/v1/payment_methods").then()
                .statusCode(201).body("card.brand", equalTo("amex")).body("card.last4", equalTo("0005"))
                .extract().asString();
        assertFalse(answer.contains(KNOWN_CVC), "the answer shows the CVC");
        merchant.request().header("Idempotency-Key", key).body(amex).post("/v1/payment_methods").then()
                .statusCode(201).header("Idempotent-Replayed", "true");
        assertNoTableHoldsTheValue(KNOWN_CVC);
    }

    /**
     * Every column of every table as text: none holds {@code value} as a value of its own (in a
     * column, a JSON string or number), delimited by anything but a letter or digit. A short value
     * such as a CVC is looked for so, not as any substring: four digits occur by chance inside
     * timestamps, hashes and idempotency keys.
     */
    void assertNoTableHoldsTheValue(String value) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\" t WHERE t::text ~ '(^|[^0-9A-Za-z])"
                        + value + "([^0-9A-Za-z]|$)'")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "table " + table + " holds " + value);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM vault_records WHERE position(convert_to('"
                    + value + "', 'UTF8') in sealed) > 0")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "a vault record holds " + value + " unsealed");
            }
        }
    }

    /** Every column of every table of this service's database, as text: none holds the numbers. */
    void assertNoTableHolds(String... secrets) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                for (String secret : secrets) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE '%"
                            + secret + "%'")) {
                        rs.next();
                        assertEquals(0, rs.getInt(1), "table " + table + " holds a number in clear");
                    }
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM vault_records WHERE position(convert_to('"
                            + secret + "', 'UTF8') in sealed) > 0")) {
                        rs.next();
                        assertEquals(0, rs.getInt(1), "a vault record holds a number unsealed");
                    }
                }
            }
        }
    }
}
