package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 002, the canonical API, replayed through the gateway at {@code /v1}: its four curl examples
 * with its own test key, each endpoint's documented answer, the test payment methods, the status
 * codes its tables list, its error object and its rate limit.
 */
@ExtendWith(Suite.Extension.class)
class Seed002ConformanceIT {

    static RequestSpecification as(String key) {
        return given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    static final String EXAMPLE_1 = """
            {
                "amount": 1000,
                "currency": "USD",
                "payment_method_id": "pm_1234567890",
                "description": "Payment for order #12345"
              }""";

    @Test
    void theFourCurlExamplesWorkAsWrittenWithTheSeedsTestKey() {
        String id = as(Suite.DEMO_KEY).body(EXAMPLE_1).post("/v1/payments").then().statusCode(201)
                .body("id", startsWith("pay_")).body("amount", equalTo(1000)).body("currency", equalTo("USD"))
                .body("status", equalTo("succeeded")).body("payment_method_id", equalTo("pm_1234567890"))
                .body("description", equalTo("Payment for order #12345")).body("created_at", notNullValue())
                .extract().path("id");
        as(Suite.DEMO_KEY).get("/v1/payments/pay_1234567890abcdef").then().statusCode(200)
                .body("id", equalTo("pay_1234567890abcdef")).body("amount", equalTo(1000))
                .body("currency", equalTo("USD")).body("status", notNullValue())
                .body("payment_method_id", equalTo("pm_1234567890")).body("description", equalTo("Payment for order #12345"))
                .body("metadata.order_id", equalTo("12345"))
                .body("metadata.customer_id", equalTo("cust_abc123")).body("created_at", notNullValue())
                .body("updated_at", notNullValue());
        as(Suite.DEMO_KEY).get("/v1/payments?status=succeeded&limit=20").then().statusCode(200)
                .body("data.status", everyItem(equalTo("succeeded"))).body("has_more", notNullValue())
                .body("total_count", greaterThanOrEqualTo(1));
        as(Suite.DEMO_KEY).body("""
                {
                    "amount": 500,
                    "reason": "Product returned"
                  }""").post("/v1/payments/" + id + "/refund").then().statusCode(200)
                .body("id", startsWith("ref_")).body("payment_id", equalTo(id)).body("amount", equalTo(500))
                .body("currency", equalTo("USD")).body("status", equalTo("succeeded"))
                .body("reason", equalTo("Product returned")).body("created_at", notNullValue());
    }

    @Test
    void eachEndpointAnswersAsItsSectionDocuments() {
        String key = Merchants.create().apiKey();
        Instant before = Instant.now().minusSeconds(5);
        String paid = as(key).body("{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\", "
                + "\"description\": \"Payment for order #12345\", "
                + "\"metadata\": {\"order_id\": \"12345\", \"customer_id\": \"cust_abc123\"}}")
                .post("/v1/payments").then().statusCode(201).body("metadata.order_id", equalTo("12345"))
                .extract().path("id");
        // List: limit, offset, status, created_after, created_before; has_more and total_count
        as(key).get("/v1/payments?limit=1&offset=0&created_after=" + before + "&created_before="
                + Instant.now().plusSeconds(60)).then().statusCode(200).body("data.size()", equalTo(1))
                .body("data[0].id", equalTo(paid)).body("has_more", equalTo(false)).body("total_count", equalTo(1));
        // Cancel a pending payment (one awaiting its capture), with its reason
        String pending = as(key).body("{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\","
                + " \"capture_method\": \"manual\"}").post("/v1/payments").then().statusCode(201).extract().path("id");
        as(key).body("{\"reason\": \"Customer requested cancellation\"}").post("/v1/payments/" + pending + "/cancel")
                .then().statusCode(200).body("status", equalTo("canceled")).body("canceled_at", notNullValue())
                .body("cancellation_reason", equalTo("Customer requested cancellation"));
        as(key).body("{}").post("/v1/payments/" + pending + "/cancel").then().statusCode(409);
        as(key).body("{}").post("/v1/payments/" + paid + "/cancel").then().statusCode(400);
        // Refund without an amount refunds the rest; then the payment is fully refunded (409), more is 422
        as(key).body("{\"amount\": 2000}").post("/v1/payments/" + paid + "/refund").then().statusCode(422);
        as(key).body("{}").post("/v1/payments/" + paid + "/refund").then().statusCode(200).body("amount", equalTo(1000));
        as(key).body("{}").post("/v1/payments/" + paid + "/refund").then().statusCode(409);
        as(key).get("/v1/payments/pay_doesnotexist").then().statusCode(404).body("error.code", equalTo("resource_missing"));
        as(key).body("{}").post("/v1/payments/pay_doesnotexist/refund").then().statusCode(404);
    }

    @Test
    void theTestPaymentMethodsGiveTheirDocumentedResults() {
        String key = Merchants.create().apiKey();
        as(key).body(EXAMPLE_1.replace("pm_1234567890", "pm_test_success")).post("/v1/payments").then()
                .statusCode(201).body("status", equalTo("succeeded"));
        for (String failing : List.of("pm_test_decline", "pm_test_insufficient_funds", "pm_test_expired")) {
            as(key).body(EXAMPLE_1.replace("pm_1234567890", failing)).post("/v1/payments").then()
                    .statusCode(402).body("error.type", equalTo("card_error")).body("error.code", notNullValue());
        }
        as(key).get("/v1/payments?status=failed").then().body("total_count", equalTo(3));
    }

    @Test
    void errorsAreTheDocumentedObject() {
        String key = Merchants.create().apiKey();
        as(key).body("{\"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}").post("/v1/payments").then()
                .statusCode(400).body("error.type", equalTo("invalid_request_error")).body("error.code", notNullValue())
                .body("error.message", notNullValue()).body("error.param", equalTo("amount"));
        as(key).body(EXAMPLE_1.replace("pm_1234567890", "pm_nothing_like_it")).post("/v1/payments").then()
                .statusCode(404).body("error.param", equalTo("payment_method_id"));
        as(key).body(EXAMPLE_1.replace("USD", "XYZ").replace("pm_1234567890", "pm_test_success")).post("/v1/payments")
                .then().statusCode(400).body("error.param", equalTo("currency"));
        given().baseUri(Suite.GATEWAY).get("/v1/payments").then().statusCode(401)
                .body("error.type", equalTo("authentication_error"));
    }

    @Test
    void overTheRateLimitIs429WithRetryAfter() {
        // The default (100 a minute, 20 a second) is the gateway tests'; a small limit keeps this quick
        String key = Merchants.create(10, 60, 10).apiKey();
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 30 && limited == null; i++) {
            Response r = as(key).get("/v1/payments");
            statuses.add(r.statusCode());
            r.then().header("X-RateLimit-Limit", "10").header("X-RateLimit-Remaining", notNullValue())
                    .header("X-RateLimit-Reset", notNullValue());
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        assertTrue(limited != null, "over the limit: " + statuses);
        limited.then().header("Retry-After", notNullValue()).body("error.type", equalTo("rate_limit_error"));
        org.hamcrest.MatcherAssert.assertThat(statuses, hasItem(200));
    }
}
