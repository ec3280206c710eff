package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Refunds as a client sees them, through the gateway; the payment learns of them through Kafka. */
@ExtendWith(Suite.Extension.class)
class RefundsThroughGatewayIT {

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Suite.GATEWAY;
    }

    static RequestSpecification as(String apiKey) {
        return given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    static String paid(String apiKey, long amount, String method) {
        return as(apiKey).body("{\"amount\": " + amount + ", \"currency\": \"USD\", \"payment_method_id\": \"" + method + "\"}")
                .post("/v1/payments").then().statusCode(201).body("status", equalTo("succeeded")).extract().path("id");
    }

    static void awaitPayment(String apiKey, String id, String status, int refunded) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(apiKey).get("/v1/payments/" + id).then()
                .body("status", equalTo(status)).body("amount_refunded", equalTo(refunded)));
    }

    @Test
    void seed002RefundExampleWorksWithTheDemoKey() {
        as(Suite.DEMO_KEY).body("""
                {
                    "amount": 500,
                    "reason": "Product returned"
                  }""")
                .post("/v1/payments/pay_1234567890abcdef/refund")
                .then().statusCode(200)
                .body("id", startsWith("ref_"))
                .body("payment_id", equalTo("pay_1234567890abcdef"))
                .body("amount", equalTo(500))
                .body("currency", equalTo("USD"))
                .body("status", equalTo("succeeded"))
                .body("reason", equalTo("Product returned"));
        awaitPayment(Suite.DEMO_KEY, "pay_1234567890abcdef", "partially_refunded", 500);
    }

    @Test
    void aMillionEtherIsPaidAndRefundedToTheGweiThroughTheGateway() {
        String key = Merchants.create().apiKey();
        String pay = as(key).body("{\"amount\": 1000000000000000, \"currency\": \"ETH\", "
                        + "\"payment_method_id\": \"pm_test_ethereum\"}")
                .post("/v1/payments").then().statusCode(201).body("status", equalTo("succeeded"))
                .body("amount", equalTo(1_000_000_000_000_000L)).extract().path("id");
        as(key).body("{\"amount\": 1}").post("/v1/payments/" + pay + "/refunds").then().statusCode(200)
                .body("amount", equalTo(1)).body("currency", equalTo("ETH"));
        as(key).body("{}").post("/v1/payments/" + pay + "/refunds").then().statusCode(200)
                .body("amount", equalTo(999_999_999_999_999L));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(key).get("/v1/payments/" + pay).then()
                .body("status", equalTo("refunded")).body("amount_refunded", equalTo(1_000_000_000_000_000L)));
        as(key).body("{\"amount\": 9007199254740992, \"currency\": \"ETH\", \"payment_method_id\": \"pm_test_ethereum\"}")
                .post("/v1/payments").then().statusCode(400)
                .body("error.code", equalTo("amount_too_large")).body("error.param", equalTo("amount"));
    }

    @Test
    void partialRepeatedAndFullRefundsMoveThePaymentToRefunded() {
        String key = Merchants.create().apiKey();
        String pay = paid(key, 1000, "pm_test_success");
        as(key).body("{\"amount\": 250}").post("/v1/payments/" + pay + "/refunds").then().statusCode(200)
                .body("status", equalTo("succeeded"));
        awaitPayment(key, pay, "partially_refunded", 250);
        as(key).body("{\"payment_id\": \"" + pay + "\", \"amount\": 250}").post("/v1/refunds").then().statusCode(200);
        as(key).body("{\"amount\": 501}").post("/v1/payments/" + pay + "/refund").then().statusCode(422)
                .body("error.type", equalTo("invalid_request_error"));
        as(key).body("{}").post("/v1/payments/" + pay + "/refunds").then().statusCode(200).body("amount", equalTo(500));
        awaitPayment(key, pay, "refunded", 1000);
        as(key).body("{}").post("/v1/payments/" + pay + "/refunds").then().statusCode(409);
        as(key).get("/v1/refunds?payment_id=" + pay).then().statusCode(200).body("data", hasSize(3))
                .body("total_count", equalTo(3));
    }

    @Test
    void aFailedPaymentCannotBeRefunded() {
        String key = Merchants.create().apiKey();
        String pay = as(key).body("{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_decline\"}")
                .post("/v1/payments").then().statusCode(402).extract().path("error.details.payment_id");
        as(key).body("{}").post("/v1/payments/" + pay + "/refunds").then().statusCode(400)
                .body("error.code", equalTo("payment_not_refundable"));
    }

    @Test
    void aRefundTheCardRefusesFailsLaterAndThePaymentKeepsItsMoney() {
        String key = Merchants.create().apiKey();
        String pay = paid(key, 1000, "pm_test_refund_failure");
        String refund = as(key).body("{\"amount\": 400}").post("/v1/payments/" + pay + "/refunds").then()
                .statusCode(200).body("status", equalTo("pending")).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(key).get("/v1/refunds/" + refund).then()
                .body("status", equalTo("failed")).body("failure_reason", equalTo("expired_or_canceled_card")));
        as(key).get("/v1/payments/" + pay).then().body("status", equalTo("succeeded")).body("amount_refunded", equalTo(0));
        as(key).body("{\"amount\": 1000}").post("/v1/payments/" + pay + "/refunds").then().statusCode(200);
    }

    @Test
    void anotherMerchantsPaymentCannotBeRefunded() {
        String owner = Merchants.create().apiKey();
        String pay = paid(owner, 1000, "pm_test_success");
        as(Merchants.create().apiKey()).body("{\"amount\": 100}").post("/v1/payments/" + pay + "/refunds")
                .then().statusCode(404).body("error.code", equalTo("resource_missing"));
        as(owner).body("{\"amount\": 100}").post("/v1/payments/" + pay + "/refunds").then().statusCode(200);
    }
}
