package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A payment and a refund through the gateway come back from {@code GET /v1/events}: webhooks-service
 * read them from payments.events and refunds.events and numbered the payment's history 1..n in
 * causal order.
 */
@ExtendWith(Suite.Extension.class)
class EventsThroughGatewayIT {

    static RequestSpecification as(String key) {
        return given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPaymentAndItsRefundAreEventsNumberedInOrder() {
        String key = Merchants.create().apiKey();
        String pay = as(key).body("{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then().statusCode(201).extract().path("id");
        as(key).body("{\"amount\": 300}").post("/v1/payments/" + pay + "/refunds").then().statusCode(200)
                .body("status", equalTo("succeeded"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> events = eventsOf(key, pay);
            assertTrue(events.stream().anyMatch(e -> "payment.refunded".equals(e.get("type"))), events.toString());
            assertTrue(events.stream().anyMatch(e -> "refund.succeeded".equals(e.get("type"))), events.toString());
        });
        List<Map<String, Object>> history = eventsOf(key, pay);
        history.sort(Comparator.comparingLong(e -> ((Number) e.get("sequence")).longValue()));
        List<Long> sequences = history.stream().map(e -> ((Number) e.get("sequence")).longValue()).toList();
        assertEquals(LongStream.rangeClosed(1, history.size()).boxed().toList(), sequences, history.toString());
        List<String> types = history.stream().map(e -> (String) e.get("type")).toList();
        assertEquals("payment.created", types.get(0), types.toString());
        assertTrue(types.indexOf("payment.succeeded") < types.indexOf("refund.created"), types.toString());
        assertTrue(types.indexOf("refund.created") < types.indexOf("refund.succeeded"), types.toString());
        assertTrue(types.indexOf("refund.succeeded") < types.indexOf("payment.refunded"), types.toString());
        assertEquals(types.size(), Math.toIntExact(types.stream().distinct().count()), types.toString());

        String one = (String) history.get(0).get("id");
        as(key).get("/v1/events/" + one).then().statusCode(200).body("object", equalTo("event"))
                .body("type", equalTo("payment.created")).body("sequence", equalTo(1))
                .body("data.id", equalTo(pay)).body("livemode", equalTo(false));
        String stranger = Merchants.create().apiKey();
        as(stranger).get("/v1/events/" + one).then().statusCode(404).body("error.code", equalTo("resource_missing"));
        assertEquals(0, as(stranger).get("/v1/events").then().statusCode(200).extract().jsonPath()
                .getList("data").size());
    }

    /** The merchant's events about this payment (its own and its refunds'). */
    static List<Map<String, Object>> eventsOf(String key, String pay) {
        JsonPath page = as(key).get("/v1/events?limit=100").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> all = page.getList("data");
        return new java.util.ArrayList<>(all.stream().filter(e -> {
            Map<String, Object> data = (Map<String, Object>) e.get("data");
            return pay.equals(data.get("id")) || pay.equals(data.get("payment_id"));
        }).toList());
    }
}
