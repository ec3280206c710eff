package dev.paysuite.methods.adapter.in.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paysuite.methods.testing.MethodEvents;
import dev.paysuite.platform.testing.TestCaller;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerResourceTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    final TestCaller merchant = TestCaller.newTestMerchant();
    final TestCaller stranger = TestCaller.newTestMerchant();

    String create(TestCaller caller, Map<String, Object> body) {
        return caller.request().body(body).post("/v1/customers").then().statusCode(201)
                .body("object", equalTo("customer")).body("id", startsWith("cus_")).extract().path("id");
    }

    @Test
    void aCustomerIsCreatedReadUpdatedAndDeleted() throws Exception {
        String id = create(merchant, Map.of("email", "jenny@example.com", "name", "Jenny Rosen",
                "metadata", Map.of("tier", "gold")));
        merchant.request().get("/v1/customers/" + id).then().statusCode(200)
                .body("email", equalTo("jenny@example.com")).body("name", equalTo("Jenny Rosen"))
                .body("metadata.tier", equalTo("gold")).body("default_payment_method_id", nullValue())
                .body("test_clock", nullValue()).body("livemode", equalTo(false)).body("created_at", notNullValue());
        merchant.request().body(Map.of("name", "Jenny R.", "metadata", Map.of("tier", ""))).post("/v1/customers/" + id)
                .then().statusCode(200).body("name", equalTo("Jenny R.")).body("email", equalTo("jenny@example.com"))
                .body("metadata.tier", nullValue());
        merchant.request().delete("/v1/customers/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("object", equalTo("customer")).body("deleted", equalTo(true));
        merchant.request().get("/v1/customers/" + id).then().statusCode(404)
                .body("error.code", equalTo("resource_missing"));
        merchant.request().delete("/v1/customers/" + id).then().statusCode(404);

        List<JsonNode> events = MethodEvents.of(bootstrap, merchant.merchantId(), 1);
        assertEquals("customer.created", events.get(0).path("type").asText());
        assertEquals(id, events.get(0).path("data").path("id").asText());
    }

    @Test
    void anotherMerchantsCustomerDoesNotExist() {
        String id = create(merchant, Map.of("email", "jenny@example.com"));
        stranger.request().get("/v1/customers/" + id).then().statusCode(404);
        stranger.request().body(Map.of("name", "x")).post("/v1/customers/" + id).then().statusCode(404);
        stranger.request().delete("/v1/customers/" + id).then().statusCode(404);
        merchant.live().request().get("/v1/customers/" + id).then().statusCode(404);
        stranger.request().get("/v1/customers").then().statusCode(200).body("data", hasSize(0));
    }

    @Test
    void customersAreListedNewestFirstPageByPage() {
        TestCaller m = TestCaller.newTestMerchant();
        String a = create(m, Map.of("name", "a"));
        String b = create(m, Map.of("name", "b"));
        String c = create(m, Map.of("name", "c"));
        m.request().get("/v1/customers?limit=2").then().statusCode(200).body("object", equalTo("list"))
                .body("data.id", equalTo(List.of(c, b))).body("has_more", equalTo(true)).body("total_count", equalTo(3));
        m.request().get("/v1/customers?limit=2&starting_after=" + b).then().statusCode(200)
                .body("data.id", equalTo(List.of(a))).body("has_more", equalTo(false));
        m.request().get("/v1/customers?limit=0").then().statusCode(400).body("error.param", equalTo("limit"));
    }

    @Test
    void badInputIsAClearError() {
        merchant.request().body(Map.of("email", "not-an-email")).post("/v1/customers").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error")).body("error.param", equalTo("email"));
        merchant.request().body(Map.of("nickname", "x")).post("/v1/customers").then().statusCode(400)
                .body("error.param", equalTo("nickname"));
        merchant.request().body(Map.of("default_payment_method_id", "pm_x")).post("/v1/customers").then()
                .statusCode(400).body("error.param", equalTo("default_payment_method_id"));
        merchant.request().body("{\"name\": 5}").post("/v1/customers").then().statusCode(400)
                .body("error.param", equalTo("name"));
        merchant.request().body("[").post("/v1/customers").then().statusCode(400);
    }

    @Test
    void theDefaultMethodMustBeAttachedAndStopsBeingDefaultOnDetach() {
        String customer = create(merchant, Map.of("name", "Jenny"));
        String pm = merchant.request().body(Cards.card("4242424242424242")).post("/v1/payment_methods").then()
                .statusCode(201).extract().path("id");
        merchant.request().body(Map.of("default_payment_method_id", pm)).post("/v1/customers/" + customer).then()
                .statusCode(400).body("error.param", equalTo("default_payment_method_id"));
        merchant.request().body(Map.of("customer_id", customer)).post("/v1/payment_methods/" + pm + "/attach").then()
                .statusCode(200);
        merchant.request().body(Map.of("default_payment_method_id", pm)).post("/v1/customers/" + customer).then()
                .statusCode(200).body("default_payment_method_id", equalTo(pm));
        merchant.request().post("/v1/payment_methods/" + pm + "/detach").then().statusCode(200);
        merchant.request().get("/v1/customers/" + customer).then().body("default_payment_method_id", nullValue());
    }

    @Test
    void deletingACustomerDetachesItsMethods() throws Exception {
        TestCaller m = TestCaller.newTestMerchant();
        String customer = create(m, Map.of("name", "Jenny"));
        String pm = m.request().body(Map.of("type", "card", "customer_id", customer, "card",
                Map.of("number", "5555555555554444", "exp_month", 1, "exp_year", 2030))).post("/v1/payment_methods")
                .then().statusCode(201).body("customer_id", equalTo(customer)).extract().path("id");
        m.request().delete("/v1/customers/" + customer).then().statusCode(200);
        m.request().get("/v1/payment_methods/" + pm).then().statusCode(200).body("status", equalTo("detached"))
                .body("customer_id", nullValue());
        m.internalRequest().get("/internal/v1/instruments/" + pm).then().statusCode(404);

        List<JsonNode> events = MethodEvents.of(bootstrap, m.merchantId(), 3);
        List<String> types = events.stream().map(e -> e.path("type").asText()).toList();
        assertEquals(List.of("customer.created", "payment_method.attached", "payment_method.detached"), types);
        assertEquals(customer, events.get(2).path("data").path("previous_customer_id").asText());
        assertTrue(events.stream().noneMatch(e -> e.toString().contains("5555555555554444")));
    }

    @Test
    void aRetriedCreateWithTheSameKeyReplays() {
        String key = "cus-" + System.nanoTime();
        String first = merchant.request().header("Idempotency-Key", key).body(Map.of("name", "Once"))
                .post("/v1/customers").then().statusCode(201).extract().path("id");
        merchant.request().header("Idempotency-Key", key).body(Map.of("name", "Once")).post("/v1/customers").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        merchant.request().header("Idempotency-Key", key).body(Map.of("name", "Twice")).post("/v1/customers").then()
                .statusCode(422).body("error.type", equalTo("idempotency_error"));
    }

    @Test
    void aTestModeCustomerFollowsTheTestClockNamedAtCreation() throws Exception {
        TestCaller m = TestCaller.newTestMerchant();
        String id = create(m, Map.of("name", "Clocked", "test_clock", "clock_abc123"));
        m.request().get("/v1/customers/" + id).then().statusCode(200).body("test_clock", equalTo("clock_abc123"));
        m.request().get("/v1/customers").then().statusCode(200).body("data[0].test_clock", equalTo("clock_abc123"));
        m.request().body(Map.of("name", "Still clocked")).post("/v1/customers/" + id).then().statusCode(200)
                .body("test_clock", equalTo("clock_abc123"));
        m.request().body(Map.of("test_clock", "clock_other")).post("/v1/customers/" + id).then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error")).body("error.param", equalTo("test_clock"))
                .body("error.message", containsString("creation only"));
        m.request().get("/v1/customers/" + id).then().body("test_clock", equalTo("clock_abc123"))
                .body("name", equalTo("Still clocked"));

        List<JsonNode> events = MethodEvents.of(bootstrap, m.merchantId(), 1);
        assertEquals("customer.created", events.get(0).path("type").asText());
        assertEquals("clock_abc123", events.get(0).path("data").path("test_clock").asText());
    }

    @Test
    void aTestClockMustBeWellFormedAndIsRefusedInLiveMode() {
        for (String bad : List.of("", "clock_", "cus_abc", "clock_a-b", "clock_" + "a".repeat(37))) {
            merchant.request().body(Map.of("test_clock", bad)).post("/v1/customers").then().statusCode(400)
                    .body("error.type", equalTo("invalid_request_error")).body("error.param", equalTo("test_clock"));
        }
        merchant.request().body("{\"test_clock\": 5}").post("/v1/customers").then().statusCode(400)
                .body("error.param", equalTo("test_clock"));
        merchant.live().request().body(Map.of("test_clock", "clock_abc123")).post("/v1/customers").then()
                .statusCode(400).body("error.type", equalTo("invalid_request_error"))
                .body("error.param", equalTo("test_clock")).body("error.message", containsString("test mode only"));
        String live = create(merchant.live(), Map.of("name", "Live"));
        merchant.live().request().get("/v1/customers/" + live).then().statusCode(200).body("test_clock", nullValue());
    }
}
