package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One merchant's resources do not exist for another, through the gateway against the real services:
 * every resource type (payment, refund, customer, payment method, event, webhook endpoint and its
 * deliveries) and every route that names one answers another merchant's secret key, restricted key
 * and Keycloak partner token 404 {@code resource_missing}, exactly as for an id that never existed,
 * changes nothing, and no list of theirs shows it.
 */
@ExtendWith(Suite.Extension.class)
class MerchantIsolationThroughGatewayIT {

    record Call(String method, String path, String body) {
    }

    static RequestSpecification as(String key) {
        return given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    @Test
    void everyResourceOfOneMerchantIsMissingForAnother() {
        String owner = Merchants.create().apiKey();
        String payment = as(owner).body("{\"amount\": 5000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then().statusCode(201).extract().path("id");
        String authorized = as(owner).body("{\"amount\": 5000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\","
                + " \"capture_method\": \"manual\"}").post("/v1/payments").then().statusCode(201).extract().path("id");
        String refund = as(owner).body("{\"amount\": 100}").post("/v1/payments/" + payment + "/refunds").then()
                .statusCode(200).extract().path("id");
        String customer = as(owner).body("{\"name\": \"Owner's customer\", \"email\": \"c@example.com\"}")
                .post("/v1/customers").then().statusCode(201).extract().path("id");
        String method = as(owner).body("{\"type\": \"card\", \"card\": {\"number\": \"4242424242424242\", \"exp_month\": 12,"
                + " \"exp_year\": 2031, \"cvc\": \"123\"}, \"customer_id\": \"" + customer + "\"}")
                .post("/v1/payment_methods").then().statusCode(201).extract().path("id");
        String endpoint = as(owner).body("{\"url\": \"http://127.0.0.1:9/hooks\", \"enabled_events\": [\"*\"]}")
                .post("/v1/webhook_endpoints").then().statusCode(201).extract().path("id");
        List<String> events = await().atMost(Duration.ofSeconds(30)).until(() -> as(owner).get("/v1/events?limit=10")
                .then().statusCode(200).extract().<List<String>>path("data.id"), ids -> ids.size() >= 3);
        String event = events.get(0);

        Merchants.Merchant other = Merchants.create();
        String partnerToken = RestrictedKeysThroughGatewayIT.partnerToken(); // acts for mer_demo
        List<String> strangers = List.of(other.apiKey(),
                Merchants.restrictedKey(other, "payments:read payments:write refunds:read refunds:write methods:read "
                        + "methods:write events:read webhooks:read webhooks:write"),
                partnerToken);

        List<Call> calls = List.of(
                new Call("GET", "/v1/payments/" + payment, null),
                new Call("POST", "/v1/payments/" + authorized + "/capture", "{}"),
                new Call("POST", "/v1/payments/" + authorized + "/cancel", "{}"),
                new Call("POST", "/v1/payments/" + payment + "/confirm", "{}"),
                new Call("GET", "/v1/payments/" + payment + "/refunds", null),
                new Call("POST", "/v1/payments/" + payment + "/refunds", "{\"amount\": 100}"),
                new Call("POST", "/v1/refunds", "{\"payment_id\": \"" + payment + "\", \"amount\": 100}"),
                new Call("GET", "/v1/refunds/" + refund, null),
                new Call("GET", "/v1/customers/" + customer, null),
                new Call("POST", "/v1/customers/" + customer, "{\"name\": \"Taken over\"}"),
                new Call("GET", "/v1/customers/" + customer + "/payment_methods", null),
                new Call("DELETE", "/v1/customers/" + customer, null),
                new Call("GET", "/v1/payment_methods/" + method, null),
                new Call("POST", "/v1/payment_methods/" + method + "/detach", "{}"),
                new Call("POST", "/v1/payments", "{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \""
                        + method + "\", \"customer_id\": \"" + customer + "\"}"),
                new Call("GET", "/v1/events/" + event, null),
                new Call("GET", "/v1/webhook_endpoints/" + endpoint, null),
                new Call("POST", "/v1/webhook_endpoints/" + endpoint, "{\"description\": \"taken over\"}"),
                new Call("GET", "/v1/webhook_endpoints/" + endpoint + "/attempts", null),
                new Call("POST", "/v1/webhook_endpoints/" + endpoint + "/roll_secret", "{}"),
                new Call("POST", "/v1/webhook_endpoints/" + endpoint + "/recover", "{\"since\": \"2020-01-01T00:00:00Z\"}"),
                new Call("DELETE", "/v1/webhook_endpoints/" + endpoint, null));
        List<String> leaks = new ArrayList<>();
        for (String stranger : strangers) {
            boolean partner = stranger.equals(partnerToken);
            int found = 0;
            for (Call call : calls) {
                if (partner && !(call.method().equals("GET") && call.path().matches("/v1/(payments|events)/[^/]+"))) {
                    // the partner's token reads payments and events only (a refusal outside them is
                    // RestrictedKeysThroughGatewayIT's), and its one rate limit is shared with other tests
                    continue;
                }
                RequestSpecification request = as(stranger);
                if (call.body() != null) {
                    request.body(call.body());
                }
                Response r = request.request(call.method(), call.path());
                String code = r.path("error.code");
                if (r.statusCode() == 404 && "resource_missing".equals(code)) {
                    found++;
                } else if (!(partner && r.statusCode() == 403 && "insufficient_permissions".equals(code))) {
                    // the partner's token has two read scopes: outside them it is refused before any lookup
                    leaks.add(call.method() + " " + call.path() + (partner ? " as the partner" : " as " + stranger.substring(0, 8))
                            + ": " + r.statusCode() + " " + r.asString());
                }
            }
            assertTrue(leaks.isEmpty(), "answers other than 404 resource_missing:\n" + String.join("\n", leaks));
            assertTrue(partner ? found == 2 : found == calls.size(), found + " answers 404 of " + calls.size());
            if (!partner) {
                // the owner's event, resent to the stranger's own endpoint, is no more theirs
                String own = as(stranger).body("{\"url\": \"http://127.0.0.1:9/mine\", \"enabled_events\": [\"*\"]}")
                        .post("/v1/webhook_endpoints").then().statusCode(201).extract().path("id");
                as(stranger).body("{\"event_id\": \"" + event + "\"}").post("/v1/webhook_endpoints/" + own + "/resend")
                        .then().statusCode(404).body("error.code", equalTo("resource_missing"));
            }
            // and no list of theirs shows any of it
            List<String> lists = partner ? List.of("/v1/payments", "/v1/events")
                    : List.of("/v1/payments", "/v1/refunds", "/v1/customers", "/v1/payment_methods", "/v1/events",
                            "/v1/webhook_endpoints");
            for (String list : lists) {
                String ids = as(stranger).get(list + "?limit=100").then().statusCode(200).extract().path("data.id").toString();
                for (String id : List.of(payment, authorized, refund, customer, method, endpoint, event)) {
                    assertFalse(ids.contains(id), list + " as another merchant shows " + id);
                }
            }
        }

        // nothing the strangers tried changed anything of the owner's
        as(owner).get("/v1/payments/" + authorized).then().statusCode(200).body("status", equalTo("requires_capture"));
        as(owner).get("/v1/payments/" + payment).then().statusCode(200).body("amount_refunded", equalTo(100));
        as(owner).get("/v1/customers/" + customer).then().statusCode(200).body("name", equalTo("Owner's customer"));
        as(owner).get("/v1/payment_methods/" + method).then().statusCode(200).body("customer_id", equalTo(customer));
        as(owner).get("/v1/webhook_endpoints/" + endpoint).then().statusCode(200).body("description", equalTo(null));
        assertEquals(1, as(owner).get("/v1/payments/" + payment + "/refunds").then().statusCode(200)
                .extract().<List<String>>path("data.id").size());
    }
}
