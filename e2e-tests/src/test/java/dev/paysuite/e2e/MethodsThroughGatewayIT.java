package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Customers, stored methods and the vault as a client uses them: through the gateway, charged by
 * payments-service through the vault, against the running suite.
 */
@ExtendWith(Suite.Extension.class)
class MethodsThroughGatewayIT {

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Suite.GATEWAY;
    }

    static RequestSpecification as(String apiKey) {
        return given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    static String card(String number) {
        return "{\"type\": \"card\", \"card\": {\"number\": \"" + number + "\", \"exp_month\": 12, \"exp_year\": 2031,"
                + " \"cvc\": \"123\"}}";
    }

    static String charge(String method) {
        return "{\"amount\": 2500, \"currency\": \"USD\", \"payment_method_id\": \"" + method + "\"}";
    }

    @Test
    void storeACardChargeItDetachItAndAChargeAfterIsRefused() {
        String key = Merchants.create().apiKey();
        String customer = as(key).body("{\"email\": \"jenny@example.com\", \"name\": \"Jenny Rosen\"}")
                .post("/v1/customers").then().statusCode(201).body("id", startsWith("cus_")).extract().path("id");
        String pm = as(key).body(card("5555555555554444")).post("/v1/payment_methods").then().statusCode(201)
                .body("card.brand", equalTo("mastercard")).body("card.last4", equalTo("4444"))
                .body("card.fingerprint", notNullValue()).extract().path("id");
        as(key).body("{\"customer_id\": \"" + customer + "\"}").post("/v1/payment_methods/" + pm + "/attach").then()
                .statusCode(200).body("customer_id", equalTo(customer));
        as(key).get("/v1/customers/" + customer + "/payment_methods").then().statusCode(200)
                .body("data[0].id", equalTo(pm));

        as(key).body(charge(pm)).post("/v1/payments").then().statusCode(201).body("status", equalTo("succeeded"))
                .body("payment_method_id", equalTo(pm))
                .body("payment_method_details.card.brand", equalTo("mastercard"))
                .body("payment_method_details.card.last4", equalTo("4444"));

        as(key).post("/v1/payment_methods/" + pm + "/detach").then().statusCode(200).body("status", equalTo("detached"));
        as(key).body(charge(pm)).post("/v1/payments").then().statusCode(404)
                .body("error.code", equalTo("resource_missing")).body("error.param", equalTo("payment_method_id"));
        // Another merchant cannot see or charge the method either
        String other = Merchants.create().apiKey();
        as(other).get("/v1/payment_methods/" + pm).then().statusCode(404);
        as(other).get("/v1/customers/" + customer).then().statusCode(404);
    }

    @Test
    void theTestCardsDriveTheOutcomeWhetherStoredTokenizedOrInline() {
        String key = Merchants.create().apiKey();
        String declined = as(key).body(card("4000000000000002")).post("/v1/payment_methods").then().statusCode(201)
                .extract().path("id");
        as(key).body(charge(declined)).post("/v1/payments").then().statusCode(402)
                .body("error.type", equalTo("card_error")).body("error.code", equalTo("card_declined"));
        as(key).body("{\"amount\": 2500, \"currency\": \"USD\", \"source\": \"tok_chargeDeclinedInsufficientFunds\"}")
                .post("/v1/payments").then().statusCode(402).body("error.details.decline_code", equalTo("insufficient_funds"));
        as(key).body("{\"amount\": 2500, \"currency\": \"USD\", \"payment_method\": {\"type\": \"card\","
                + " \"card_number\": \"4000000000000002\", \"exp_month\": 12, \"exp_year\": 2031, \"cvc\": \"123\"}}")
                .post("/v1/payments").then().statusCode(402).body("error.code", equalTo("card_declined"));
        as(key).body("{\"amount\": 2500, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then().statusCode(201).body("status", equalTo("succeeded"));
        as(key).body("{\"amount\": 2500, \"currency\": \"USD\", \"payment_method\": \"card\","
                + " \"card_token\": \"card_token_123\"}").post("/v1/payments").then().statusCode(201)
                .body("payment_method_details.card.last4", equalTo("4242"));
    }

    @Test
    void anInlineCardPaymentIsTokenizedAndARetryReplays() {
        String key = Merchants.create().apiKey();
        String body = "{\"amount\": 2500, \"currency\": \"USD\", \"payment_method\": {\"type\": \"card\","
                + " \"card_number\": \"4111111111111111\", \"exp_month\": 12, \"exp_year\": 2031, \"cvc\": \"123\"},"
                + " \"description\": \"Payment for order #12345\"}";
        String idempotencyKey = "inline-" + System.nanoTime();
        String id = as(key).header("Idempotency-Key", idempotencyKey).body(body).post("/v1/payments").then()
                .statusCode(201).body("status", equalTo("succeeded")).body("source", startsWith("tok_"))
                .body("payment_method_details.card.brand", equalTo("visa"))
                .body("payment_method_details.card.last4", equalTo("1111")).extract().path("id");
        as(key).header("Idempotency-Key", idempotencyKey).body(body).post("/v1/payments").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        as(key).header("Idempotency-Key", idempotencyKey).body(body.replace("4111111111111111", "4242424242424242"))
                .post("/v1/payments").then().statusCode(422).body("error.type", equalTo("idempotency_error"));
        as(key).body(body.replace("4111111111111111", "4111111111111112")).post("/v1/payments").then().statusCode(400)
                .body("error.code", equalTo("card_number_invalid"))
                .body("error.param", equalTo("payment_method[card_number]"));
    }

    @Test
    void theSameCardHasOneFingerprintPerMerchant() {
        String a = Merchants.create().apiKey();
        String b = Merchants.create().apiKey();
        String first = fingerprint(a);
        assertEquals(first, fingerprint(a));
        assertNotEquals(first, fingerprint(b));
    }

    static String fingerprint(String key) {
        return as(key).body(card("378282246310005").replace("\"123\"", "\"1234\"")).post("/v1/payment_methods").then()
                .statusCode(201).body("card.brand", equalTo("amex")).extract().path("card.fingerprint");
    }

    @Test
    void theDemoMerchantsSeedExamplesStillWork() {
        as(Suite.DEMO_KEY).body(charge("pm_1234567890")).post("/v1/payments").then().statusCode(201)
                .body("status", equalTo("succeeded")).body("payment_method_details.card.last4", equalTo("4242"));
        as(Merchants.create().apiKey()).body(charge("pm_1234567890")).post("/v1/payments").then().statusCode(404);
        as(Suite.DEMO_KEY).get("/internal/v1/instruments/pm_test_success").then().statusCode(404);
    }

    @Test
    void methodsServicesOwnPortRefusesAMerchantsIdentityTokenOnItsInternalApi() throws Exception {
        String identity = GatewayTokens.identityToken("mer_demo", "test");
        String methods = "http://127.0.0.1:" + Suite.METHODS_PORT;
        // The token opens its public routes (so the refusal below is the route's, not the token's) ...
        given().baseUri(methods).header("Authorization", "Bearer " + identity).get("/v1/customers").then()
                .statusCode(200);
        // ... but the vault's internal API takes only a trusted service's own token
        given().baseUri(methods).header("Authorization", "Bearer " + identity).get("/internal/v1/instruments/x")
                .then().statusCode(401).body("error.type", equalTo("authentication_error"));
    }
}
