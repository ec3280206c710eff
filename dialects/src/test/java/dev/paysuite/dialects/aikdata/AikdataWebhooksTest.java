package dev.paysuite.dialects.aikdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.dialects.WebhookDialect;
import dev.paysuite.dialects.support.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AikdataWebhooksTest {
    private final WebhookDialect webhooks = new AikdataDialect().webhooks();

    private static String event(String type, String data) {
        return "{\"id\": \"evt_1\", \"object\": \"event\", \"type\": \"" + type + "\", \"sequence\": 3,"
                + " \"created_at\": \"2026-03-12T10:00:02Z\", \"data\": " + data + "}";
    }

    private ObjectNode delivered(String canonicalEvent) {
        return Json.parse(webhooks.event(canonicalEvent).orElseThrow(() -> new AssertionError("not delivered")));
    }

    @Test
    void namesItsEventsForChargesAndRefundsInAStableOrder() {
        Map<String, String> types = webhooks.eventTypes();
        assertEquals(List.of("charge.succeeded", "charge.failed", "charge.refunded", "refund.succeeded"),
                List.copyOf(types.keySet()));
        assertEquals("payment.succeeded", types.get("charge.succeeded"));
        assertEquals("payment.failed", types.get("charge.failed"));
        assertEquals("payment.refunded", types.get("charge.refunded"));
        assertEquals("refund.succeeded", types.get("refund.succeeded"));
    }

    @Test
    void aPaymentEventCarriesTheChargeAsTheApiShowsIt() {
        ObjectNode event = delivered(event("payment.succeeded", AikdataDialectTest.PAYMENT));
        assertEquals("evt_1", event.get("id").textValue());
        assertEquals("charge.succeeded", event.get("type").textValue());
        assertEquals("2026-03-12T10:00:02Z", event.get("created_at").textValue());
        AikdataDialectTest.assertTheExampleCharge(event.get("data"));
        assertEquals("ORD-1234", event.path("data").path("metadata").path("order_id").textValue());
        assertFalse(event.has("sequence"));
        assertFalse(event.has("object"));

        assertEquals("charge.failed", delivered(event("payment.failed", AikdataDialectTest.PAYMENT)).get("type").textValue());
        assertEquals("charge.refunded",
                delivered(event("payment.refunded", AikdataDialectTest.PAYMENT)).get("type").textValue());
    }

    @Test
    void aRefundEventCarriesTheRefundAsTheApiShowsIt() {
        ObjectNode event = delivered(event("refund.succeeded", AikdataDialectTest.REFUND));
        assertEquals("refund.succeeded", event.get("type").textValue());
        AikdataDialectTest.assertTheExampleRefund(event.get("data"));
    }

    @Test
    void eventsTheDialectHasNoNameForAreNotSent() {
        for (String type : List.of("payment.created", "payment.canceled", "refund.created", "refund.failed",
                "customer.created", "")) {
            assertTrue(webhooks.event(event(type, "{}")).isEmpty(), type);
        }
        assertTrue(webhooks.event("not json").isEmpty());
        assertTrue(webhooks.event(null).isEmpty());
    }
}
