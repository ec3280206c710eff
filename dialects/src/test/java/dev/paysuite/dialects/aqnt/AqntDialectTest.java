package dev.paysuite.dialects.aqnt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.dialects.ApiError;
import dev.paysuite.dialects.CanonicalRequest;
import dev.paysuite.dialects.DialectAnswer;
import dev.paysuite.dialects.DialectRefusal;
import dev.paysuite.dialects.Dialects;
import dev.paysuite.dialects.Exchange;
import dev.paysuite.dialects.Translation;
import dev.paysuite.dialects.support.EventsInShape;
import dev.paysuite.dialects.support.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AqntDialectTest {
    private final AqntDialect dialect = new AqntDialect();

    static final String PAYMENT = """
            {"id": "pay_1", "object": "payment", "amount": 10000, "currency": "USD", "status": "canceled",
             "payment_method_details": {"type": "card", "card": {"brand": "visa", "last4": "4242"}},
             "payment_method_id": "pm_1", "description": "Order 1", "metadata": {"order": "1"},
             "created_at": "2025-01-15T10:30:00Z"}""";

    private Exchange open(String method, String path) {
        return dialect.open(method, path).orElseThrow(() -> new AssertionError("no exchange for " + method + " " + path));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode body(Translation translation) {
        return Json.requestObject(assertInstanceOf(CanonicalRequest.class, translation).body());
    }

    private static ObjectNode json(DialectAnswer answer) {
        return Json.answerObject(answer.body());
    }

    @Test
    void itsPathsMapToTheCanonicalOnes() {
        assertEquals("aqnt", dialect.name());
        assertEquals("/compat/aqnt/v1/payments", dialect.basePath());
        assertTrue(dialect.rateLimit().isEmpty());
        Dialects.Located located = Dialects.locate("/compat/aqnt/v1/payments/pay_1").orElseThrow();
        assertInstanceOf(AqntDialect.class, located.dialect());
        assertEquals("/pay_1", located.path());
        assertEquals("/v1/payments", open("POST", "").path());
        assertEquals("/v1/payments", open("GET", "").path());
        assertEquals("/v1/payments/pay_1", open("GET", "/pay_1").path());
        assertEquals("/v1/payments/pay_1/refunds", open("POST", "/pay_1/refunds").path());
        assertEquals("/v1/webhook_endpoints", open("POST", "/webhook_endpoints").path());
        assertTrue(dialect.open("GET", "/webhook_endpoints").isEmpty(), "the endpoints' path is no payment id");
        assertTrue(dialect.open("DELETE", "").isEmpty());
        assertTrue(dialect.open("POST", "/pay_1").isEmpty());
        assertEquals(Set.of("GET", "POST"), dialect.allowedMethods(""));
        assertTrue(dialect.allowedMethods("/pay_1/refunds/ref_1").isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"canceled, cancelled", "requires_action, processing", "requires_capture, processing",
            "processing, processing", "pending, pending", "succeeded, succeeded", "failed, failed",
            "refunded, refunded", "partially_refunded, partially_refunded"})
    void canonicalStatusesReadAsTheSeedsOnes(String canonical, String aqnt) {
        assertEquals(aqnt, AqntDialect.status(canonical));
        ObjectNode payment = json(open("GET", "/pay_1").answer(200,
                utf8("{\"id\": \"pay_1\", \"amount\": 100, \"currency\": \"USD\", \"status\": \"" + canonical + "\"}")));
        assertEquals(aqnt, payment.get("status").textValue());
    }

    @Test
    void theSeedsStatusesReadAsTheCanonicalOnes() {
        assertEquals(Optional.of("canceled"), AqntDialect.canonicalStatus("cancelled"));
        for (String same : new String[] {"pending", "processing", "succeeded", "failed", "refunded", "partially_refunded"}) {
            assertEquals(Optional.of(same), AqntDialect.canonicalStatus(same));
        }
        assertTrue(AqntDialect.canonicalStatus("canceled").isEmpty(), "the seed spells it cancelled");
        assertTrue(AqntDialect.canonicalStatus("requires_action").isEmpty());
        assertTrue(AqntDialect.canonicalStatus("completed").isEmpty());
    }

    @Test
    void theListsStatusFilterIsTranslatedAndAnUnknownOneIsA400() {
        Exchange list = open("GET", "");
        CanonicalRequest request = assertInstanceOf(CanonicalRequest.class,
                list.request("status=cancelled&limit=5&starting_after=pay_9", null));
        assertEquals("limit=5&starting_after=pay_9&status=canceled", request.query());
        assertEquals("status=processing", ((CanonicalRequest) list.request("status=processing", null)).query());
        assertNull(((CanonicalRequest) list.request(null, null)).query());
        for (String status : new String[] {"canceled", "requires_action", "completed", ""}) {
            DialectRefusal refused = assertThrows(DialectRefusal.class, () -> list.request("status=" + status, null));
            assertEquals(400, refused.status(), status);
            assertEquals("parameter_invalid", refused.error().code());
            assertEquals("status", refused.error().param());
            assertTrue(refused.error().message().contains("cancelled"), refused.error().message());
        }
    }

    @Test
    void aPageReadsEachPaymentInTheSeedsShape() {
        ObjectNode page = json(open("GET", "").answer(200, utf8("{\"object\": \"list\", \"data\": [" + PAYMENT
                + ", {\"id\": \"pay_2\", \"amount\": 500, \"currency\": \"JPY\", \"status\": \"requires_capture\"}],"
                + " \"has_more\": true, \"next_cursor\": \"pay_2\"}")));
        assertEquals(Set.of("data", "has_more"), fieldNames(page));
        assertTrue(page.get("has_more").booleanValue());
        assertEquals("cancelled", page.at("/data/0/status").textValue());
        assertEquals(new BigDecimal("100.00"), page.at("/data/0/amount").decimalValue());
        assertEquals("processing", page.at("/data/1/status").textValue());
        assertEquals(new BigDecimal("500"), page.at("/data/1/amount").decimalValue());
    }

    @Test
    void aCreateSendsMinorUnitsAndAnswers201InMajorUnits() {
        Exchange create = open("POST", "");
        ObjectNode canonical = body(create.request(null, utf8("""
                {"amount": 100.00, "currency": "USD", "payment_method": "card", "card_token": "card_token_abc",
                 "description": "Order 1"}""")));
        assertEquals(10000, canonical.get("amount").longValue());
        assertTrue(canonical.get("amount").isIntegralNumber());
        assertEquals("card_token_abc", canonical.get("card_token").textValue());
        assertEquals(100, body(create.request(null, utf8("{\"amount\": 100, \"currency\": \"JPY\"}"))).get("amount").longValue());
        DialectRefusal tooPrecise = assertThrows(DialectRefusal.class,
                () -> create.request(null, utf8("{\"amount\": 100.001, \"currency\": \"USD\"}")));
        assertEquals(400, tooPrecise.status());
        assertEquals("amount", tooPrecise.error().param());

        DialectAnswer answer = create.answer(201, utf8(PAYMENT));
        assertEquals(201, answer.status());
        ObjectNode payment = json(answer);
        assertEquals("pay_1", payment.get("id").textValue());
        assertEquals(new BigDecimal("100.00"), payment.get("amount").decimalValue());
        assertTrue(new String(answer.body(), StandardCharsets.UTF_8).contains("\"amount\":100.00"));
        assertEquals("USD", payment.get("currency").textValue());
        assertEquals("cancelled", payment.get("status").textValue());
        assertEquals("card", payment.get("payment_method").textValue());
        assertEquals("Order 1", payment.get("description").textValue());
        assertEquals("2025-01-15T10:30:00Z", payment.get("created_at").textValue());
        assertFalse(payment.has("payment_method_details"));
        assertFalse(payment.has("payment_method_id"));
        assertFalse(payment.has("object"));
    }

    @Test
    void aRefundsDecimalAmountIsReadInItsPaymentsCurrency() {
        Exchange refund = open("POST", "/pay_1/refunds");
        Translation.Lookup lookup = assertInstanceOf(Translation.Lookup.class,
                refund.request(null, utf8("{\"amount\": 10.50, \"reason\": \"requested_by_customer\"}")));
        assertEquals("/v1/payments/pay_1", lookup.path());
        ObjectNode inDollars = body(lookup.then().apply(utf8("{\"id\": \"pay_1\", \"amount\": 10000, \"currency\": \"USD\"}")));
        assertEquals(1050, inDollars.get("amount").longValue());
        assertEquals("requested_by_customer", inDollars.get("reason").textValue());

        Translation.Lookup yen = assertInstanceOf(Translation.Lookup.class, refund.request(null, utf8("{\"amount\": 1050}")));
        assertEquals(1050, body(yen.then().apply(utf8("{\"id\": \"pay_1\", \"currency\": \"JPY\"}"))).get("amount").longValue());
        Translation.Lookup yenWithCents = assertInstanceOf(Translation.Lookup.class,
                refund.request(null, utf8("{\"amount\": 10.50}")));
        DialectRefusal refused = assertThrows(DialectRefusal.class,
                () -> yenWithCents.then().apply(utf8("{\"id\": \"pay_1\", \"currency\": \"JPY\"}")));
        assertEquals(400, refused.status());
        assertEquals("amount_invalid", refused.error().code());
        assertEquals("amount", refused.error().param());
        assertTrue(refused.error().message().contains("JPY"), refused.error().message());
    }

    @Test
    void aRefundWithoutAnAmountNeedsNoLookupAndAnswers201InMajorUnits() {
        Exchange refund = open("POST", "/pay_1/refunds");
        ObjectNode full = body(refund.request(null, utf8("{\"reason\": \"duplicate\"}")));
        assertFalse(full.has("amount"));
        assertEquals("duplicate", full.get("reason").textValue());
        DialectAnswer answer = refund.answer(201, utf8("""
                {"id": "ref_1", "object": "refund", "payment_id": "pay_1", "amount": 1050, "currency": "USD",
                 "status": "succeeded", "reason": "duplicate", "created_at": "2025-01-15T10:35:00Z"}"""));
        assertEquals(201, answer.status());
        ObjectNode shown = json(answer);
        assertEquals("ref_1", shown.get("id").textValue());
        assertEquals("pay_1", shown.get("payment_id").textValue());
        assertEquals(new BigDecimal("10.50"), shown.get("amount").decimalValue());
        assertFalse(shown.has("object"));
    }

    @Test
    void errorsAreTheCanonicalErrorObject() {
        ObjectNode withParam = Json.answerObject(dialect.error(400, new ApiError("invalid_request_error",
                "amount_invalid", "Invalid amount.", "amount")));
        assertEquals(Set.of("error"), fieldNames(withParam));
        assertEquals(Set.of("type", "code", "message", "param"), fieldNames(withParam.path("error")));
        assertEquals("invalid_request_error", withParam.at("/error/type").textValue());
        assertEquals("amount_invalid", withParam.at("/error/code").textValue());
        assertEquals("Invalid amount.", withParam.at("/error/message").textValue());
        assertEquals("amount", withParam.at("/error/param").textValue());
        ObjectNode withoutParam = Json.answerObject(dialect.error(401, new ApiError("authentication_error",
                "api_key_invalid", "Invalid API key.", null)));
        assertEquals(Set.of("type", "code", "message"), fieldNames(withoutParam.path("error")));

        String canonical = "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"resource_missing\","
                + " \"message\": \"No such payment: 'pay_x'\", \"param\": \"id\"}}";
        DialectAnswer notFound = open("GET", "/pay_x").answer(404, utf8(canonical));
        assertEquals(404, notFound.status());
        assertEquals(Json.parse(canonical), json(notFound));
        DialectAnswer declined = open("POST", "").answer(402, utf8(
                "{\"error\": {\"type\": \"card_error\", \"code\": \"card_declined\", \"message\": \"Declined.\"}}"));
        assertEquals(402, declined.status());
        assertEquals("card_declined", json(declined).at("/error/code").textValue());
    }

    @Test
    void anEndpointRegisteredAtItsBasePathSubscribesInItsEventNames() {
        assertEquals(Set.of("payment.succeeded", "payment.failed", "payment.cancelled", "payment.refunded",
                "refund.created", "refund.succeeded"), dialect.webhooks().eventTypes().keySet());
        Exchange register = open("POST", "/webhook_endpoints");
        ObjectNode canonical = body(register.request(null,
                utf8("{\"url\": \"https://example.com/h\", \"events\": [\"payment.cancelled\", \"refund.created\"],"
                        + " \"description\": \"orders\"}")));
        assertEquals("https://example.com/h", canonical.get("url").textValue());
        assertEquals("payment.canceled", canonical.at("/enabled_events/0").textValue());
        assertEquals("refund.created", canonical.at("/enabled_events/1").textValue());
        assertEquals("aqnt", canonical.get("dialect").textValue());
        assertEquals("orders", canonical.get("description").textValue());
        ObjectNode all = body(register.request(null, utf8("{\"url\": \"https://example.com/h\"}")));
        assertEquals(6, all.get("enabled_events").size());
        DialectRefusal canonicalName = assertThrows(DialectRefusal.class, () -> register.request(null,
                utf8("{\"url\": \"https://example.com/h\", \"events\": [\"payment.canceled\"]}")));
        assertEquals(400, canonicalName.status());
        assertEquals("events", canonicalName.error().param());

        DialectAnswer shown = register.answer(201, utf8("""
                {"id": "we_1", "url": "https://example.com/h", "enabled_events": ["payment.canceled"],
                 "secret": "whsec_x", "status": "enabled", "created_at": "2025-01-15T10:30:00Z"}"""));
        assertEquals(201, shown.status());
        ObjectNode endpoint = json(shown);
        assertEquals("we_1", endpoint.get("id").textValue());
        assertEquals("payment.cancelled", endpoint.at("/events/0").textValue());
        assertEquals(1, endpoint.get("events").size());
        assertEquals("whsec_x", endpoint.get("secret").textValue());
    }

    @Test
    void eventsCarryTheSeedsNamesAndShape() {
        assertInstanceOf(EventsInShape.class, dialect.webhooks());
        ObjectNode canceled = Json.parse(dialect.webhooks().event("""
                {"id": "evt_1", "object": "event", "type": "payment.canceled", "created_at": "2025-01-15T10:30:00Z",
                 "data": {"id": "pay_1", "object": "payment", "amount": 10000, "currency": "USD", "status": "canceled",
                  "payment_method_details": {"type": "card"}}}""").orElseThrow());
        assertEquals(Set.of("id", "type", "created_at", "data"), fieldNames(canceled));
        assertEquals("evt_1", canceled.get("id").textValue());
        assertEquals("payment.cancelled", canceled.get("type").textValue());
        assertEquals("2025-01-15T10:30:00Z", canceled.get("created_at").textValue());
        assertEquals("pay_1", canceled.at("/data/id").textValue());
        assertEquals("cancelled", canceled.at("/data/status").textValue());
        assertEquals(new BigDecimal("100.00"), canceled.at("/data/amount").decimalValue());
        assertEquals("card", canceled.at("/data/payment_method").textValue());

        ObjectNode refund = Json.parse(dialect.webhooks().event("""
                {"id": "evt_2", "type": "refund.created", "created_at": "2025-01-15T10:35:00Z",
                 "data": {"id": "ref_1", "object": "refund", "payment_id": "pay_1", "amount": 1050, "currency": "USD",
                  "status": "pending"}}""").orElseThrow());
        assertEquals("refund.created", refund.get("type").textValue());
        assertEquals("ref_1", refund.at("/data/id").textValue());
        assertEquals("pay_1", refund.at("/data/payment_id").textValue());
        assertEquals(new BigDecimal("10.50"), refund.at("/data/amount").decimalValue());

        assertTrue(dialect.webhooks().event("{\"id\": \"evt_3\", \"type\": \"payment.created\", \"data\": {}}").isEmpty());
        assertTrue(dialect.webhooks().event("{\"id\": \"evt_4\", \"type\": \"payment.canceled\"}").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1]", "{\"amount\": 1,"})
    void garbageBodiesAre400s(String garbage) {
        for (Exchange exchange : new Exchange[] {open("POST", ""), open("POST", "/pay_1/refunds"),
                open("POST", "/webhook_endpoints")}) {
            DialectRefusal refused = assertThrows(DialectRefusal.class, () -> exchange.request(null, utf8(garbage)));
            assertEquals(400, refused.status());
            assertEquals("invalid_json", refused.error().code());
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
