package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 001 ("API DOCUMENTATION - PAYMENT PROCESSING", v3.2) replayed through the gateway at
 * {@code /compat/example/v3}: each documented request, as written in the seed, gets the documented
 * status and fields, errors included, with the seed's rate limit of 1,000 requests an hour.
 */
@ExtendWith(Suite.Extension.class)
class Seed001ConformanceIT {
    static final String BASE = Suite.GATEWAY + "/compat/example/v3";

    static RequestSpecification as(String key) {
        return given().baseUri(BASE).header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    /**
     * The seed's create-payment example, word for word but for the card's expiry year: the seed
     * wrote 2026, which the vault refuses as expired from 2027 on, so the test uses a year that is
     * always ahead.
     */
    static final String CREATE = """
            {
              "amount": 2500,
              "currency": "USD",
              "payment_method": {
                "type": "card",
                "card_number": "4111111111111111",
                "exp_month": 12,
                "exp_year": %d,
                "cvc": "123"
              },
              "description": "Payment for order #12345",
              "customer_id": "cust_abc123"
            }""".formatted(java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 4);

    @Test
    void createRetrieveListAndRefundAsTheSeedDocuments() {
        String key = Merchants.create().apiKey();
        String id = as(key).body(CREATE).post("/payments").then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", startsWith("pay_"))
                .body("status", equalTo("completed"))
                .body("amount", equalTo(2500))
                .body("currency", equalTo("USD"))
                .body("created_at", notNullValue())
                .body("description", equalTo("Payment for order #12345"))
                .extract().path("id");

        as(key).get("/payments/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("completed"))
                .body("amount", equalTo(2500))
                .body("currency", equalTo("USD"))
                .body("payment_method.type", equalTo("card"))
                .body("payment_method.last4", equalTo("1111"))
                .body("payment_method.brand", equalTo("visa"))
                .body("created_at", notNullValue())
                .body("description", equalTo("Payment for order #12345"))
                .body("customer_id", equalTo("cust_abc123"));

        // The card number never comes back, in any form
        String retrieved = as(key).get("/payments/" + id).asString();
        assertTrue(!retrieved.contains("4111111111111111"), retrieved);

        as(key).body("""
                {
                  "amount": 1000,
                  "reason": "customer_request",
                  "description": "Refund for returned item"
                }""").post("/payments/" + id + "/refunds").then().statusCode(201)
                .body("id", startsWith("ref_"))
                .body("payment_id", equalTo(id))
                .body("amount", equalTo(1000))
                .body("status", equalTo("completed"))
                .body("created_at", notNullValue())
                .body("reason", equalTo("customer_request"));
    }

    @Test
    void listPaginatesWithNextCursorAndFiltersAsDocumented() {
        String key = Merchants.create().apiKey();
        Instant before = Instant.now().minusSeconds(5);
        for (int i = 0; i < 3; i++) {
            as(key).body(CREATE).post("/payments").then().statusCode(201);
        }
        as(key).body(CREATE.replace("cust_abc123", "cust_other").replace("4111111111111111", "4000000000000002"))
                .post("/payments").then().statusCode(400).body("error.code", equalTo("card_declined"));

        Response first = as(key).queryParam("limit", 2).queryParam("customer_id", "cust_abc123").get("/payments");
        first.then().statusCode(200)
                .body("data.size()", equalTo(2))
                .body("data.status", everyItem(equalTo("completed")))
                .body("data[0]", hasKey("id")).body("data[0]", hasKey("amount")).body("data[0]", hasKey("currency"))
                .body("data[0]", hasKey("created_at"))
                .body("has_more", equalTo(true))
                .body("next_cursor", equalTo(first.path("data[1].id")));
        as(key).queryParam("limit", 2).queryParam("customer_id", "cust_abc123")
                .queryParam("starting_after", (String) first.path("next_cursor")).get("/payments").then().statusCode(200)
                .body("data.size()", equalTo(1)).body("has_more", equalTo(false)).body("next_cursor", nullValue());

        as(key).queryParam("status", "failed").get("/payments").then().statusCode(200)
                .body("data.size()", equalTo(1)).body("data[0].status", equalTo("failed"));
        as(key).queryParam("status", "completed").queryParam("created_after", before.toString()).get("/payments")
                .then().statusCode(200).body("data.size()", equalTo(3));
        as(key).queryParam("customer_id", "cust_other").get("/payments").then().statusCode(200)
                .body("data.size()", equalTo(1));
        as(key).queryParam("status", "succeeded").get("/payments").then().statusCode(400)
                .body("error.code", equalTo("parameter_invalid")).body("error.message", notNullValue())
                .body("error", hasKey("details"));
    }

    @Test
    void errorsHaveTheSeedsShapeAndCodes() {
        String key = Merchants.create().apiKey();
        // The seed's own 400 example: an invalid card number
        as(key).body(CREATE.replace("4111111111111111", "4111111111111112")).post("/payments").then().statusCode(400)
                .body("error.code", equalTo("invalid_card"))
                .body("error.message", notNullValue())
                .body("error", hasKey("details"))
                .body("error", not(hasKey("type")));
        as(key).get("/payments/pay_doesnotexist").then().statusCode(404)
                .body("error.code", notNullValue()).body("error.message", notNullValue());
        given().baseUri(BASE).contentType(ContentType.JSON).header("Authorization", "Bearer sk_test_nope")
                .get("/payments").then().statusCode(401).body("error.code", equalTo("api_key_invalid"))
                .body("error", hasKey("details"));
        as(key).body("{\"amount\": \"lots\", \"currency\": \"USD\"}").post("/payments").then().statusCode(400)
                .body("error.code", notNullValue());
        as(key).body("not json").post("/payments").then().statusCode(400).body("error.code", equalTo("invalid_json"));
        as(key).get("/nothing/here").then().statusCode(404).body("error.code", equalTo("url_unknown"));
        as(key).delete("/payments").then().statusCode(405).header("Allow", "GET, POST");
    }

    @Test
    void aThousandRequestsAnHourWithTheThreeHeadersApartFromV1() {
        // The key's own policy is seed 002's 100 a minute (bursts of 20); the seed-001 base path has its own
        String key = Merchants.create(100, 60, 20).apiKey();
        Response first = as(key).get("/payments");
        first.then().statusCode(200).header("X-RateLimit-Limit", "1000");
        int remaining = Integer.parseInt(first.header("X-RateLimit-Remaining"));
        long reset = Long.parseLong(first.header("X-RateLimit-Reset"));
        assertTrue(remaining <= 999, "counted: " + remaining);
        assertTrue(reset > Instant.now().getEpochSecond() && reset <= Instant.now().getEpochSecond() + 3_601,
                "an hour's window: " + reset);
        Response second = as(key).get("/payments");
        assertEquals(remaining - 1, Integer.parseInt(second.header("X-RateLimit-Remaining")));
        // The canonical API keeps the key's own policy and counters
        given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).get("/v1/payments").then()
                .statusCode(200).header("X-RateLimit-Limit", equalTo("100"));
    }

    @Test
    void theDialectsOpenApiDocumentIsServedAtItsBasePath() {
        given().baseUri(BASE).get("/openapi.json").then().statusCode(200).contentType(ContentType.JSON)
                .body("openapi", startsWith("3.")).body("servers[0].url", equalTo("/compat/example/v3"))
                .body("paths.keySet()", org.hamcrest.Matchers.hasItems("/payments", "/payments/{payment_id}",
                        "/payments/{payment_id}/refunds"));
    }
}
