package dev.paysuite.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A partner's restricted key through the gateway and the real services: it reads what its scopes
 * allow (the services accept the identity token that carries them) and is refused, 403 with the
 * error object naming the scope, anything else, before any service sees the request.
 */
@ExtendWith(Suite.Extension.class)
class RestrictedKeysThroughGatewayIT {

    @Test
    void aReadOnlyKeyReadsPaymentsAndEventsAndCreatesNothing() {
        Merchants.Merchant merchant = Merchants.create();
        String payment = EventsThroughGatewayIT.as(merchant.apiKey())
                .body("{\"amount\": 1200, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then().statusCode(201).extract().path("id");
        String partner = Merchants.restrictedKey(merchant, "payments:read events:read");

        EventsThroughGatewayIT.as(partner).get("/v1/payments/" + payment).then().statusCode(200)
                .body("id", equalTo(payment));
        EventsThroughGatewayIT.as(partner).get("/v1/events").then().statusCode(200);
        EventsThroughGatewayIT.as(partner)
                .body("{\"amount\": 1200, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then().statusCode(403)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("insufficient_permissions"))
                .body("error.message", containsString("payments:write"));
        EventsThroughGatewayIT.as(partner).body("{\"amount\": 100}").post("/v1/payments/" + payment + "/refunds")
                .then().statusCode(403).body("error.message", containsString("refunds:write"));
        EventsThroughGatewayIT.as(partner).get("/v1/customers").then().statusCode(403)
                .body("error.message", containsString("methods:read"));
        // nothing was created by the refused requests
        EventsThroughGatewayIT.as(merchant.apiKey()).get("/v1/payments").then().statusCode(200)
                .body("data.size()", equalTo(1));
        EventsThroughGatewayIT.as(merchant.apiKey()).get("/v1/payments/" + payment + "/refunds").then()
                .statusCode(200).body("data.size()", equalTo(0));
    }

    /** The demo partner of the Keycloak realm, with a client-credentials token: the demo merchant's payments, read-only. */
    @Test
    void aKeycloakPartnerTokenReadsTheDemoMerchantsPaymentsAndCreatesNothing() {
        String token = partnerToken();
        String payment = EventsThroughGatewayIT.as(Suite.DEMO_KEY)
                .body("{\"amount\": 700, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then().statusCode(201).extract().path("id");
        EventsThroughGatewayIT.as(token).get("/v1/payments/" + payment).then().statusCode(200)
                .body("id", equalTo(payment));
        EventsThroughGatewayIT.as(token)
                .body("{\"amount\": 700, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then().statusCode(403).body("error.code", equalTo("insufficient_permissions"));
        EventsThroughGatewayIT.as(token + "x").get("/v1/payments/" + payment).then().statusCode(401);
    }

    /** A client-credentials token of the realm's demo partner (merchant mer_demo; payments:read events:read). */
    static String partnerToken() {
        String keycloak = System.getenv().getOrDefault("KEYCLOAK_URL", "http://localhost:18180");
        return io.restassured.RestAssured.given().baseUri(keycloak).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", "demo-partner")
                .formParam("client_secret", "demo-partner-local-secret")
                .post("/realms/paysuite/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }
}
