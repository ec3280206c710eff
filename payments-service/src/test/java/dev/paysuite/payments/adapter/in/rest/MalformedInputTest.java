package dev.paysuite.payments.adapter.in.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.paysuite.platform.testing.TestCaller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad input is a 400 naming what is wrong, never a 5xx: control characters and unpaired surrogates
 * in every kind of text (body values and keys, path ids, query names and values), times outside
 * what a database holds, numbers out of range, keys given twice, bodies that are not objects.
 */
@QuarkusTest
class MalformedInputTest {
    final TestCaller merchant = TestCaller.newTestMerchant();

    /** A request whose URL goes out exactly as written (percent-escapes included). */
    RequestSpecification raw() {
        return merchant.request().urlEncodingEnabled(false);
    }

    static String payment(String extra) {
        return "{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"" + extra + "}";
    }

    /** A JSON string literal holding {@code c} between two letters, written as a \\u escape. */
    static String withChar(int c) {
        return "\"a" + String.format("\\u%04x", c) + "b\"";
    }

    ValidatableResponse refused(ValidatableResponse response, String param) {
        return response.statusCode(400).contentType(ContentType.JSON)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("parameter_invalid"))
                .body("error.param", equalTo(param))
                .body("error.message", notNullValue());
    }

    @Test
    void aNulInAnyBodyStringIsA400NamingTheField() {
        for (String field : List.of("description", "customer_id", "capture_method")) {
            refused(merchant.request().body(payment(", \"" + field + "\": " + withChar(0))).post("/v1/payments")
                    .then(), field);
        }
        refused(merchant.request().body("{\"amount\": 1000, \"currency\": " + withChar(0)
                + ", \"payment_method_id\": \"pm_test_success\"}").post("/v1/payments").then(), "currency");
        refused(merchant.request().body("{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": "
                + withChar(0) + "}").post("/v1/payments").then(), "payment_method_id");
        refused(merchant.request().body(payment(", \"metadata\": {\"order_id\": " + withChar(0) + "}"))
                .post("/v1/payments").then(), "metadata[order_id]")
                .body("error.message", equalTo("Invalid metadata[order_id]: it contains the control character "
                        + "U+0000; text may hold tabs and line breaks but no other control characters."));
        refused(merchant.request().body(payment(", \"metadata\": {" + withChar(0) + ": \"1\"}"))
                .post("/v1/payments").then(), "metadata")
                .body("error.message", equalTo("Invalid metadata: a key contains the control character U+0000; "
                        + "text may hold tabs and line breaks but no other control characters."));
        refused(merchant.request().body(payment(", \"payment_method\": {\"card\": {\"number\": " + withChar(0) + "}}"))
                .post("/v1/payments").then(), "payment_method[card][number]");
        refused(merchant.request().body("{\"reason\": " + withChar(0) + "}")
                .post("/v1/payments/pay_1234567890abcdef/cancel").then(), "reason");
    }

    @Test
    void everyControlCharacterButTabLineFeedAndCarriageReturnIsRefused() {
        for (int c = 0; c <= 0x9F; c = c == 0x1F ? 0x7F : c + 1) {
            ValidatableResponse r = merchant.request().body(payment(", \"description\": " + withChar(c)))
                    .post("/v1/payments").then();
            if (c == '\t' || c == '\n' || c == '\r') {
                String id = r.statusCode(201).body("description", equalTo("a" + (char) c + "b")).extract().path("id");
                merchant.request().get("/v1/payments/" + id).then().statusCode(200)
                        .body("description", equalTo("a" + (char) c + "b"));
            } else {
                refused(r, "description");
            }
        }
    }

    @Test
    void anUnpairedSurrogateIsRefusedAndAPairIsKeptExactly() {
        for (String lone : List.of("\\ud800", "\\udbff", "\\udc00", "x\\udfff", "\\ude00\\ud83d")) {
            refused(merchant.request().body(payment(", \"description\": \"" + lone + "\"")).post("/v1/payments")
                    .then(), "description")
                    .body("error.message", org.hamcrest.Matchers.containsString("unpaired surrogate"));
        }
        String id = merchant.request().body(payment(", \"description\": \"\\ud83d\\ude00 ok\", "
                + "\"metadata\": {\"\\u00e9t\\u00e9\": \"\\u65e5\\u672c\"}")).post("/v1/payments")
                .then().statusCode(201).body("description", equalTo("\uD83D\uDE00 ok")).extract().path("id");
        merchant.request().get("/v1/payments/" + id).then().statusCode(200)
                .body("description", equalTo("\uD83D\uDE00 ok"))
                .body("metadata.\u00e9t\u00e9", equalTo("\u65e5\u672c"));
    }

    @Test
    void aControlCharacterInAPathIdIsA400NamingTheId() {
        refused(raw().get("/v1/payments/pay_1234567890abcdef%00").then(), "id");
        refused(raw().get("/v1/payments/%7F").then(), "id");
        refused(raw().body("{}").post("/v1/payments/pay_x%01y/cancel").then(), "id");
        refused(raw().body("{}").post("/v1/payments/pay_x%00/capture").then(), "id");
        refused(raw().post("/v1/payments/pay_x%1F/confirm").then(), "id");
        // Long or odd ids name no payment: not found, never a database error.
        raw().get("/v1/payments/pay_" + "x".repeat(300)).then().statusCode(404)
                .body("error.code", equalTo("resource_missing"));
        raw().get("/v1/payments/%C3%A9%E2%9C%93").then().statusCode(404);
    }

    @Test
    void aControlCharacterInAQueryIsA400NamingTheParameter() {
        refused(raw().get("/v1/payments?starting_after=pay_x%00").then(), "starting_after");
        refused(raw().get("/v1/payments?ending_before=%0B").then(), "ending_before");
        refused(raw().get("/v1/payments?customer_id=cus%7F1").then(), "customer_id");
        refused(raw().get("/v1/payments?status=%00").then(), "status");
        refused(raw().get("/v1/payments?created_after=2025%00").then(), "created_after");
        refused(raw().get("/v1/payments?unknown=%00").then(), "unknown");
        raw().get("/v1/payments?na%00me=1").then().statusCode(400).body("error.code", equalTo("parameter_invalid"))
                .body("error.message", equalTo("A parameter name contains the control character U+0000; text may "
                        + "hold tabs and line breaks but no other control characters."));
    }

    @Test
    void timesOutsideYears1To9999AreA400NamingTheParameter() {
        for (String time : List.of("-999999999999", "999999999999", "253402300800", "-62135596801",
                "%2B10000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z", "0000-12-31T23:59:59Z",
                "%2B999999999-12-31T23:59:59Z")) {
            refused(raw().get("/v1/payments?created_after=" + time).then(), "created_after");
            refused(raw().get("/v1/payments?created_before=" + time).then(), "created_before");
        }
        for (String time : List.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "-62135596800", "253402300799",
                "0001-01-01", "9999-12-31")) {
            raw().get("/v1/payments?created_after=" + time + "&created_before=" + time).then().statusCode(200)
                    .body("total_count", equalTo(0));
        }
    }

    @Test
    void limitsAndOffsetsOutOfRangeAreA400() {
        for (String query : List.of("offset=2147483648", "offset=99999999999", "offset=-1", "offset=-2147483649",
                "limit=2147483648", "limit=-1", "limit=0", "limit=101", "offset=1e3", "limit=0x10")) {
            raw().get("/v1/payments?" + query).then().statusCode(400)
                    .body("error.code", equalTo("parameter_invalid"))
                    .body("error.param", equalTo(query.substring(0, query.indexOf('='))));
        }
        raw().get("/v1/payments?offset=2147483647").then().statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void aKeyGivenTwiceIsRefusedRatherThanOneWinning() {
        merchant.request().body(payment(", \"amount\": 2000")).post("/v1/payments").then().statusCode(400)
                .body("error.code", equalTo("invalid_json")).body("error.param", equalTo("amount"));
        merchant.request().body(payment(", \"metadata\": {\"k\": \"1\", \"k\": \"2\"}")).post("/v1/payments").then()
                .statusCode(400).body("error.code", equalTo("invalid_json")).body("error.param", equalTo("metadata[k]"));
        merchant.request().body("{\"reason\": \"a\", \"reason\": \"b\"}").post("/v1/payments/pay_1234567890abcdef/cancel")
                .then().statusCode(400).body("error.param", equalTo("reason"));
    }

    @Test
    void textLongerThanItsFieldIsRefusedBeforeTheDatabase() {
        merchant.request().body("{\"amount\": 1000, \"currency\": \"" + "U".repeat(5000)
                + "\", \"payment_method_id\": \"pm_test_success\"}").post("/v1/payments").then().statusCode(400)
                .body("error.param", equalTo("currency"));
        merchant.request().body(payment(", \"description\": \"" + "d".repeat(1001) + "\"")).post("/v1/payments").then()
                .statusCode(400).body("error.param", equalTo("description"));
        merchant.request().body(payment(", \"customer_id\": \"" + "c".repeat(256) + "\"")).post("/v1/payments").then()
                .statusCode(400).body("error.param", equalTo("customer_id"));
        merchant.request().body(payment(", \"metadata\": {\"" + "k".repeat(41) + "\": \"v\"}")).post("/v1/payments")
                .then().statusCode(400).body("error.param", equalTo("metadata"));
        merchant.request().body("{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_" + "x".repeat(300)
                + "\"}").post("/v1/payments").then().statusCode(400).body("error.param", equalTo("payment_method_id"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsA400() {
        for (String body : List.of("[]", "[{\"amount\": 1000}]", "12345", "\"text\"", "true", "{\"amount\": 1000,}",
                "{\"amount\": 1000} {\"amount\": 1}", "{\"amount\": " + "9".repeat(2000) + "}",
                "{\"metadata\": " + "[".repeat(2000) + "]".repeat(2000) + "}")) {
            merchant.request().body(body).post("/v1/payments").then().statusCode(400)
                    .contentType(ContentType.JSON).body("error.type", equalTo("invalid_request_error"));
        }
        merchant.request().body("null").post("/v1/payments").then().statusCode(400)
                .body("error.param", equalTo("amount"));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWithTheErrorObject() {
        for (String type : List.of("text/plain", "multipart/form-data; boundary=x", "application/xml")) {
            RestAssured.given().header("Authorization", "Bearer " + merchant.token()).contentType(type)
                    .body("amount=1000".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).post("/v1/payments").then().statusCode(415)
                    .body("error.code", equalTo("unsupported_media_type"));
        }
    }
}
