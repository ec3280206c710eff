package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 000 ("Payments API Overview", base {@code https://api.aqnt.net/v1/payments}) replayed through
 * the gateway at {@code /compat/aqnt/v1/payments}: its Quick Start payment, word for word, with
 * decimal amounts converted exactly with the currency's digits.
 */
@ExtendWith(Suite.Extension.class)
class Seed000ConformanceIT {
    static final String BASE = Suite.GATEWAY + "/compat/aqnt/v1/payments";

    static RequestSpecification as(String key) {
        return given().baseUri(BASE).header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    @Test
    void theQuickStartPaymentIsAcceptedAsDocumented() {
        String key = Merchants.create().apiKey();
        var created = as(key).body("""
                {
                    "amount": 100.00,
                    "currency": "USD",
                    "payment_method": "card",
                    "card_token": "card_token_123",
                    "description": "Payment for invoice #INV-001"
                  }""").post("").then().statusCode(201)
                .body("id", startsWith("pay_"))
                .body("currency", equalTo("USD"))
                .body("status", equalTo("succeeded"))
                .body("description", equalTo("Payment for invoice #INV-001"))
                .body("created_at", notNullValue())
                .body(containsString("\"amount\":100.00"))
                .extract();
        String id = created.path("id");
        // Canonically it is 10,000 cents, paid with the test card the token stands for
        given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).get("/v1/payments/" + id).then()
                .statusCode(200).body("amount", equalTo(10000)).body("payment_method_details.card.last4", equalTo("4242"));
        as(key).get("/" + id).then().statusCode(200).body("id", equalTo(id)).body(containsString("\"amount\":100.00"));
        as(key).get("").then().statusCode(200).body("data[0].id", equalTo(id));

        as(key).body("{\"amount\": 25.50, \"reason\": \"requested_by_customer\"}").post("/" + id + "/refunds").then()
                .statusCode(201).body("id", startsWith("ref_")).body("payment_id", equalTo(id))
                .body(containsString("\"amount\":25.50"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(key).get("/" + id).then()
                .body("status", equalTo("partially_refunded")));
    }

    @Test
    void decimalAmountsCarryAtMostTheCurrencysDigits() {
        String key = Merchants.create().apiKey();
        as(key).body("{\"amount\": 100, \"currency\": \"JPY\", \"payment_method\": \"card\", \"card_token\": \"card_token_9\"}")
                .post("").then().statusCode(201).body(containsString("\"amount\":100,")).body("currency", equalTo("JPY"));
        as(key).body("{\"amount\": 100.5, \"currency\": \"JPY\", \"payment_method\": \"card\", \"card_token\": \"card_token_9\"}")
                .post("").then().statusCode(400).body("error.param", equalTo("amount"))
                .body("error.code", equalTo("amount_invalid"));
        as(key).body("{\"amount\": 100.001, \"currency\": \"USD\", \"payment_method\": \"card\", \"card_token\": \"card_token_9\"}")
                .post("").then().statusCode(400).body("error.param", equalTo("amount"));
        as(key).body("{\"amount\": \"100.00\", \"currency\": \"USD\", \"payment_method\": \"card\", \"card_token\": \"card_token_9\"}")
                .post("").then().statusCode(400).body("error.param", equalTo("amount"));
        as(key).body("{\"amount\": 0.1, \"currency\": \"USD\", \"payment_method\": \"card\", \"card_token\": \"card_token_9\"}")
                .post("").then().statusCode(201).body(containsString("\"amount\":0.10"));
    }

    @Test
    void errorsAreTheErrorObject() {
        given().baseUri(BASE).contentType(ContentType.JSON).header("Authorization", "Bearer sk_test_nope").get("")
                .then().statusCode(401).body("error.type", equalTo("authentication_error"));
        String key = Merchants.create().apiKey();
        as(key).get("/pay_nothing").then().statusCode(404).body("error.code", equalTo("resource_missing"));
        as(key).body("{\"amount\": 10.00, \"currency\": \"USD\", \"payment_method\": \"card\", \"card_token\": \"card_token_9\","
                + " \"bogus\": 1}").post("").then().statusCode(400).body("error.param", equalTo("bogus"));
    }

    @Test
    void heldAndCanceledPaymentsShowTheSeedsStatusNames() {
        String key = Merchants.create().apiKey();
        var canonical = given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON);
        String held = canonical.body("{\"amount\": 700, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\","
                + " \"capture_method\": \"manual\"}").post("/v1/payments").then().statusCode(201)
                .body("status", equalTo("requires_capture")).extract().path("id");
        as(key).get("/" + held).then().statusCode(200).body("status", equalTo("processing"))
                .body("amount", equalTo(7.00f));
        given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body("{}").post("/v1/payments/" + held + "/cancel").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(key).get("/" + held).then().statusCode(200).body("status", equalTo("cancelled")));
        as(key).queryParam("status", "cancelled").get("").then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.hasItem(held));
    }

    @Test
    void theDialectsOpenApiDocumentIsServedAtItsBasePath() {
        given().baseUri(BASE).get("/openapi.json").then().statusCode(200).contentType(ContentType.JSON)
                .body("openapi", startsWith("3.")).body("servers[0].url", equalTo("/compat/aqnt/v1"))
                .body("paths.keySet()", org.hamcrest.Matchers.hasItems("/payments", "/payments/{id}",
                        "/payments/{id}/refunds"));
    }
}
