package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 004 ("Payment Processing API", base {@code https://api.paymentprocessing.com/v1}) replayed
 * through the gateway at {@code /compat/paymentprocessing/v1}: decimal amounts, {@code refund_} ids,
 * and errors as a plain string.
 */
@ExtendWith(Suite.Extension.class)
class Seed004ConformanceIT {
    static final String BASE = Suite.GATEWAY + "/compat/paymentprocessing/v1";

    static RequestSpecification as(String key) {
        return given().baseUri(BASE).header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    @Test
    void createRetrieveAndRefundAsDocumented() {
        String key = Merchants.create().apiKey();
        String id = as(key).body("""
                {
                  "amount": 100.00,
                  "currency": "USD",
                  "source": "tok_visa",
                  "description": "Payment for order #12345"
                }""").post("/payments").then().statusCode(201)
                .body("id", startsWith("pay_"))
                .body(containsString("\"amount\":100.00"))
                .body("currency", equalTo("USD"))
                .body("status", equalTo("succeeded"))
                .body("created_at", notNullValue())
                .extract().path("id");
        as(key).get("/payments/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body(containsString("\"amount\":100.00")).body("currency", equalTo("USD"))
                .body("status", equalTo("succeeded")).body("created_at", notNullValue());
        as(key).body("{\"payment_id\": \"" + id + "\", \"amount\": 50.00}").post("/refunds").then().statusCode(201)
                .body("id", startsWith("refund_"))
                .body("payment_id", equalTo(id))
                .body(containsString("\"amount\":50.00"))
                .body("status", equalTo("succeeded"))
                .body("created_at", notNullValue());
    }

    @Test
    void errorsAreAPlainStringAsDocumented() {
        String key = Merchants.create().apiKey();
        as(key).get("/payments/pay_12345").then().statusCode(404).body("error", startsWith("Payment not found"));
        as(key).body("{\"amount\": 100.00, \"currency\": \"USD\", \"source\": \"bogus\", \"description\": \"x\"}")
                .post("/payments").then().statusCode(400).body("error", startsWith("Invalid payment source"));
        String id = as(key).body("{\"amount\": 100.00, \"currency\": \"USD\", \"source\": \"tok_visa\"}")
                .post("/payments").then().statusCode(201).extract().path("id");
        as(key).body("{\"payment_id\": \"" + id + "\", \"amount\": 500.00}").post("/refunds").then().statusCode(400)
                .body("error", startsWith("Invalid refund amount"));
        as(key).body("{\"payment_id\": \"" + id + "\", \"amount\": 50.001}").post("/refunds").then().statusCode(400)
                .body("error", startsWith("Invalid refund amount"));
        as(key).body("{\"payment_id\": \"pay_nothing\", \"amount\": 5.00}").post("/refunds").then().statusCode(404)
                .body("error", startsWith("Payment not found"));
        given().baseUri(BASE).contentType(ContentType.JSON).header("Authorization", "Bearer sk_test_nope")
                .get("/payments/" + id).then().statusCode(401).body("error", notNullValue());
    }

    @Test
    void theDialectsOpenApiDocumentIsServedAtItsBasePath() {
        given().baseUri(BASE).get("/openapi.json").then().statusCode(200).contentType(ContentType.JSON)
                .body("openapi", startsWith("3.")).body("servers[0].url", equalTo("/compat/paymentprocessing/v1"))
                .body("paths.keySet()", org.hamcrest.Matchers.hasItems("/payments", "/payments/{id}", "/refunds"));
    }
}
