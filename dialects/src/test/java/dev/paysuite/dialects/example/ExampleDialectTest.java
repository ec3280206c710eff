package dev.paysuite.dialects.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.dialects.ApiError;
import dev.paysuite.dialects.CanonicalRequest;
import dev.paysuite.dialects.DialectAnswer;
import dev.paysuite.dialects.DialectRefusal;
import dev.paysuite.dialects.Dialects;
import dev.paysuite.dialects.Exchange;
import dev.paysuite.dialects.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExampleDialectTest {
    final ExampleDialect dialect = new ExampleDialect();

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static ObjectNode json(byte[] body) {
        return Json.answerObject(body);
    }

    @Test
    void itsPathsMapToTheCanonicalOnes() {
        assertEquals("/compat/example/v3", Dialects.locate("/compat/example/v3/payments").orElseThrow().dialect().basePath());
        assertEquals("/v1/payments", dialect.open("POST", "/payments").orElseThrow().path());
        assertEquals("/v1/payments/pay_1", dialect.open("GET", "/payments/pay_1").orElseThrow().path());
        assertEquals("/v1/payments/pay_1/refunds", dialect.open("POST", "/payments/pay_1/refunds").orElseThrow().path());
        assertTrue(dialect.open("DELETE", "/payments").isEmpty());
        assertEquals(Set.of("GET", "POST"), dialect.allowedMethods("/payments"));
        assertTrue(dialect.allowedMethods("/nothing").isEmpty());
        assertEquals(1000, dialect.rateLimit().orElseThrow().limit());
        assertEquals(3600, dialect.rateLimit().orElseThrow().windowSeconds());
    }

    @Test
    void aCompletedPaymentReadsAsTheSeedShowsIt() {
        Exchange create = dialect.open("POST", "/payments").orElseThrow();
        DialectAnswer answer = create.answer(201, bytes("""
                {"id": "pay_1", "object": "payment", "amount": 2500, "currency": "USD", "status": "succeeded",
                 "payment_method_details": {"type": "card", "card": {"brand": "visa", "last4": "1111"}},
                 "description": "Payment for order #12345", "customer_id": "cust_abc123", "created_at": "2025-01-15T10:30:00Z"}"""));
        assertEquals(201, answer.status());
        ObjectNode payment = json(answer.body());
        assertEquals("completed", payment.get("status").asText());
        assertEquals(2500, payment.get("amount").asInt());
        assertEquals("visa", payment.at("/payment_method/brand").asText());
        assertEquals("1111", payment.at("/payment_method/last4").asText());
        assertEquals("cust_abc123", payment.get("customer_id").asText());
    }

    @Test
    void listFiltersAreTranslatedAndPagesGetANextCursor() {
        Exchange list = dialect.open("GET", "/payments").orElseThrow();
        CanonicalRequest request = (CanonicalRequest) list.request("status=completed&limit=2&customer_id=cust%20a", null);
        assertEquals("limit=2&customer_id=cust%20a&status=succeeded", request.query());
        DialectRefusal refused = assertThrows(DialectRefusal.class, () -> list.request("status=succeeded", null));
        assertEquals("status", refused.error().param());
        ObjectNode page = json(list.answer(200, bytes("""
                {"object": "list", "data": [{"id": "pay_1", "status": "succeeded"}, {"id": "pay_2", "status": "pending"}],
                 "has_more": true}""")).body());
        assertEquals("pay_2", page.get("next_cursor").asText());
        assertEquals("pending", page.at("/data/1/status").asText());
        ObjectNode last = json(list.answer(200, bytes("{\"data\": [], \"has_more\": false}")).body());
        assertTrue(last.get("next_cursor").isNull());
    }

    @Test
    void errorsHaveCodeMessageAndDetailsAndADeclineIsA400() {
        Exchange create = dialect.open("POST", "/payments").orElseThrow();
        DialectAnswer declined = create.answer(402, bytes("""
                {"error": {"type": "card_error", "code": "card_declined", "message": "Your card was declined.",
                 "param": "payment_method", "details": {"payment_id": "pay_9"}}}"""));
        assertEquals(400, declined.status());
        ObjectNode error = json(declined.body());
        assertEquals("card_declined", error.at("/error/code").asText());
        assertEquals("The failed payment is pay_9.", error.at("/error/details").asText());
        assertFalse(error.path("error").has("type"));
        ObjectNode invalidCard = json(dialect.error(400, new ApiError("invalid_request_error", "card_number_invalid",
                "The card number is invalid.", "payment_method[card_number]")));
        assertEquals("invalid_card", invalidCard.at("/error/code").asText());
        assertTrue(invalidCard.at("/error/details").asText().contains("payment_method[card_number]"));
        DialectRefusal garbage = assertThrows(DialectRefusal.class, () -> create.request(null, bytes("[1, 2")));
        assertEquals(400, garbage.status());
    }

    @Test
    void webhooksCarryTheSeedsNamesAndShape() {
        String payment = dialect.webhooks().event("""
                {"id": "evt_1", "object": "event", "type": "payment.succeeded", "created_at": "2025-01-15T10:30:00Z",
                 "sequence": 2, "data": {"id": "pay_1", "object": "payment", "amount": 2500, "currency": "USD"}}""")
                .orElseThrow();
        ObjectNode event = Json.parse(payment);
        assertEquals("payment.completed", event.get("type").asText());
        assertEquals("evt_1", event.get("id").asText());
        assertEquals("pay_1", event.at("/data/payment_id").asText());
        assertEquals(2500, event.at("/data/amount").asInt());
        assertEquals(Set.of("id", "type", "created_at", "data"), Set.copyOf(iterable(event)));
        ObjectNode refund = Json.parse(dialect.webhooks().event("""
                {"id": "evt_2", "type": "refund.created", "data": {"id": "ref_1", "object": "refund", "payment_id": "pay_1",
                 "amount": 1000, "currency": "USD"}}""").orElseThrow());
        assertEquals("ref_1", refund.at("/data/refund_id").asText());
        assertEquals("pay_1", refund.at("/data/payment_id").asText());
        assertTrue(dialect.webhooks().event("{\"id\": \"evt_3\", \"type\": \"payment.created\", \"data\": {}}").isEmpty());
    }

    @Test
    void anEndpointSubscribesInTheSeedsEventNames() {
        Exchange register = dialect.open("POST", "/webhook_endpoints").orElseThrow();
        ObjectNode canonical = json(((CanonicalRequest) register.request(null,
                bytes("{\"url\": \"https://example.com/h\", \"events\": [\"payment.completed\"]}"))).body());
        assertEquals("payment.succeeded", canonical.at("/enabled_events/0").asText());
        assertEquals("example", canonical.get("dialect").asText());
        assertThrows(DialectRefusal.class, () -> register.request(null,
                bytes("{\"url\": \"https://example.com/h\", \"events\": [\"payment.succeeded\"]}")));
        ObjectNode shown = json(register.answer(201, bytes("""
                {"id": "we_1", "url": "https://example.com/h", "enabled_events": ["payment.succeeded"],
                 "secret": "whsec_x", "status": "enabled"}""")).body());
        assertEquals("payment.completed", shown.at("/events/0").asText());
        assertEquals("whsec_x", shown.get("secret").asText());
    }

    private static java.util.List<String> iterable(ObjectNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
