package dev.paysuite.refunds.adapter.in.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.paysuite.platform.testing.TestCaller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad input to refunds is a 400 naming what is wrong, never a 5xx: control characters and unpaired
 * surrogates in body values and keys, path ids and query values, and numbers out of range. None of
 * these needs the payment to exist: they are refused before any lookup.
 */
@QuarkusTest
class MalformedInputTest {
    static final String PAYMENT = "pay_4d2f6a0c8e1b3d5f7a9c0e2b";

    final TestCaller merchant = TestCaller.newTestMerchant();

    /** A request whose URL goes out exactly as written (percent-escapes included). */
    RequestSpecification raw() {
        return merchant.request().urlEncodingEnabled(false);
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
    void aControlCharacterInAnyBodyStringIsA400NamingTheField() {
        for (String path : List.of("/v1/payments/" + PAYMENT + "/refunds", "/v1/payments/" + PAYMENT + "/refund")) {
            refused(merchant.request().body("{\"amount\": 1, \"reason\": " + withChar(0) + "}").post(path).then(),
                    "reason");
            refused(merchant.request().body("{\"currency\": " + withChar(0x1B) + "}").post(path).then(), "currency");
            refused(merchant.request().body("{\"metadata\": {\"ticket\": " + withChar(0x7F) + "}}").post(path).then(),
                    "metadata[ticket]");
            refused(merchant.request().body("{\"metadata\": {" + withChar(0x01) + ": \"x\"}}").post(path).then(),
                    "metadata");
        }
        refused(merchant.request().body("{\"payment_id\": " + withChar(0) + "}").post("/v1/refunds").then(),
                "payment_id");
        refused(merchant.request().body("{\"payment_id\": \"" + PAYMENT + "\", \"reason\": \"\\ud800\"}")
                .post("/v1/refunds").then(), "reason").body("error.message", containsString("unpaired surrogate"));
    }

    @Test
    void aControlCharacterInAPathIdIsA400NamingTheId() {
        refused(raw().body("{}").post("/v1/payments/pay_x%00/refunds").then(), "payment_id");
        refused(raw().body("{}").post("/v1/payments/pay_x%00/refund").then(), "payment_id");
        refused(raw().get("/v1/payments/pay_x%09%00/refunds").then(), "payment_id");
        refused(raw().get("/v1/refunds/ref_x%00").then(), "id");
        refused(raw().get("/v1/refunds/%C2%85").then(), "id");
    }

    @Test
    void aControlCharacterInAQueryIsA400NamingTheParameter() {
        refused(raw().get("/v1/refunds?payment_id=pay_x%00").then(), "payment_id");
        refused(raw().get("/v1/refunds?starting_after=%00").then(), "starting_after");
        refused(raw().get("/v1/refunds?ending_before=ref%1Fx").then(), "ending_before");
        refused(raw().get("/v1/refunds?status=%00").then(), "status");
        refused(raw().get("/v1/payments/" + PAYMENT + "/refunds?starting_after=%00").then(), "starting_after");
    }

    @Test
    void anIdNoPaymentCanHaveIsNotFoundRatherThanAnError() {
        for (String id : List.of("pay_" + "x".repeat(300), "%C3%A9", "pay_x%3By", "PAY_1")) {
            raw().body("{\"amount\": 1}").post("/v1/payments/" + id + "/refunds").then().statusCode(404)
                    .body("error.code", equalTo("resource_missing"));
        }
        merchant.request().body("{\"payment_id\": \"pay_" + "x".repeat(300) + "\"}").post("/v1/refunds").then()
                .statusCode(404);
        raw().get("/v1/refunds/ref_" + "x".repeat(300)).then().statusCode(404);
        raw().get("/v1/refunds?payment_id=pay_" + "x".repeat(300)).then().statusCode(200)
                .body("total_count", equalTo(0));
    }

    @Test
    void limitsAndOffsetsOutOfRangeAreA400() {
        for (String query : List.of("offset=2147483648", "offset=99999999999", "offset=-1", "limit=2147483648",
                "limit=-1", "limit=101")) {
            raw().get("/v1/refunds?" + query).then().statusCode(400).body("error.code", equalTo("parameter_invalid"))
                    .body("error.param", equalTo(query.substring(0, query.indexOf('='))));
        }
        raw().get("/v1/refunds?offset=2147483647").then().statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        merchant.request().body("{\"amount\": 1, \"amount\": 2}").post("/v1/payments/" + PAYMENT + "/refunds").then()
                .statusCode(400).body("error.code", equalTo("invalid_json")).body("error.param", equalTo("amount"));
    }
}
