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

    /** chargeback.created is the canonical dispute.created, in seed 001's shape; the dispute's later events have no name there. */
    @Test
    void aDisputeCreatedIsTheSeedsChargebackCreated() {
        String canonical = """
                {"id": "evt_9", "object": "event", "type": "dispute.created", "created_at": "2026-11-24T10:00:00Z",
                 "livemode": false, "sequence": 3, "data": {"id": "dp_1", "object": "dispute", "payment_id": "pay_1",
                 "amount": 5000, "currency": "USD", "reason": "fraudulent", "status": "needs_response",
                 "evidence": {"product_description": null, "files": []},
                 "evidence_details": {"due_by": "2026-12-01T10:00:00Z", "has_evidence": false, "past_due": false,
                   "submission_count": 0, "submitted_at": null},
                 "livemode": false, "created_at": "2026-11-24T10:00:00Z", "updated_at": "2026-11-24T10:00:00Z",
                 "closed_at": null}}""";
        ObjectNode event = Json.parse(dialect.webhooks().event(canonical).orElseThrow());
        assertEquals(Set.of("id", "type", "created_at", "data"), Set.copyOf(iterable(event)));
        assertEquals("evt_9", event.get("id").asText());
        assertEquals("chargeback.created", event.get("type").asText());
        assertEquals("2026-11-24T10:00:00Z", event.get("created_at").asText());
        ObjectNode data = (ObjectNode) event.get("data");
        assertEquals(Set.of("payment_id", "chargeback_id", "amount", "currency", "reason", "status", "evidence_due_by"),
                Set.copyOf(iterable(data)));
        assertEquals("pay_1", data.get("payment_id").asText());
        assertEquals("dp_1", data.get("chargeback_id").asText());
        assertEquals(5000, data.get("amount").asInt());
        assertEquals("USD", data.get("currency").asText());
        assertEquals("fraudulent", data.get("reason").asText());
        assertEquals("needs_response", data.get("status").asText());
        assertEquals("2026-12-01T10:00:00Z", data.get("evidence_due_by").asText());

        assertEquals("dispute.created", dialect.webhooks().eventTypes().get("chargeback.created"));
        for (String later : new String[] {"dispute.updated", "dispute.closed"}) {
            assertTrue(dialect.webhooks().event(canonical.replace("dispute.created", later)).isEmpty(), later);
        }
        ObjectNode noDueDate = Json.parse(dialect.webhooks().event(canonical.replace(
                "\"due_by\": \"2026-12-01T10:00:00Z\"", "\"due_by\": null")).orElseThrow());
        assertTrue(noDueDate.at("/data/evidence_due_by").isNull(), "present, null when the dispute has no due date");
    }

    @Test
    void anEndpointSubscribesToChargebackCreatedAsDisputeCreated() {
        Exchange register = dialect.open("POST", "/webhook_endpoints").orElseThrow();
        ObjectNode canonical = json(((CanonicalRequest) register.request(null, bytes(
                "{\"url\": \"https://example.com/h\", \"events\": [\"chargeback.created\", \"refund.created\"]}")))
                .body());
        assertEquals(java.util.List.of("dispute.created", "refund.created"),
                java.util.List.of(canonical.at("/enabled_events/0").asText(), canonical.at("/enabled_events/1").asText()));
        assertEquals(2, canonical.get("enabled_events").size());
        assertEquals("example", canonical.get("dialect").asText());
        ObjectNode every = json(((CanonicalRequest) register.request(null,
                bytes("{\"url\": \"https://example.com/h\"}"))).body());
        assertTrue(every.get("enabled_events").toString().contains("\"dispute.created\""),
                "no events named: every seed 001 event, chargeback.created among them: " + every);
        DialectRefusal canonicalName = assertThrows(DialectRefusal.class, () -> register.request(null,
                bytes("{\"url\": \"https://example.com/h\", \"events\": [\"dispute.created\"]}")));
        assertTrue(canonicalName.error().message().contains("chargeback.created"), canonicalName.error().message());

        ObjectNode shown = json(register.answer(201, bytes("""
                {"id": "we_1", "url": "https://example.com/h", "enabled_events": ["dispute.created", "refund.created"],
                 "secret": "whsec_x", "status": "enabled"}""")).body());
        assertEquals("chargeback.created", shown.at("/events/0").asText());
        assertEquals("refund.created", shown.at("/events/1").asText());
        assertEquals(2, shown.get("events").size());
    }

    private static java.util.List<String> iterable(ObjectNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
