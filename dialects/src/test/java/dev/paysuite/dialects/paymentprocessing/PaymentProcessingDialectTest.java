package dev.paysuite.dialects.paymentprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import dev.paysuite.dialects.support.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PaymentProcessingDialectTest {
    private final PaymentProcessingDialect dialect = new PaymentProcessingDialect();

    static final String REFUND = """
            {"id": "ref_abc123", "object": "refund", "payment_id": "pay_1", "amount": 2550, "currency": "USD",
             "status": "succeeded", "reason": "requested_by_customer", "created_at": "2025-01-15T10:35:00Z"}""";

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

    private static String canonicalError(String type, String code, String message, String param) {
        ObjectNode error = Json.object();
        ObjectNode fields = error.putObject("error").put("type", type).put("code", code).put("message", message);
        if (param != null) {
            fields.put("param", param);
        }
        return Json.text(error);
    }

    /** The seed's error: a JSON object whose only field is {@code error}, a plain string. */
    private static String plainError(DialectAnswer answer) {
        ObjectNode body = json(answer);
        assertEquals(Set.of("error"), fieldNames(body));
        assertTrue(body.get("error").isTextual(), body.toString());
        return body.get("error").textValue();
    }

    @Test
    void itsPathsMapToTheCanonicalOnes() {
        assertEquals("paymentprocessing", dialect.name());
        assertEquals("/compat/paymentprocessing/v1", dialect.basePath());
        assertTrue(dialect.rateLimit().isEmpty());
        Dialects.Located located = Dialects.locate("/compat/paymentprocessing/v1/payments/pay_1").orElseThrow();
        assertInstanceOf(PaymentProcessingDialect.class, located.dialect());
        assertEquals("/payments/pay_1", located.path());
        assertEquals("/v1/payments", open("POST", "/payments").path());
        assertEquals("/v1/payments/pay_1", open("GET", "/payments/pay_1").path());
        assertEquals("/v1/refunds", open("POST", "/refunds").path());
        assertEquals("/v1/webhook_endpoints", open("POST", "/webhook_endpoints").path());
        assertTrue(dialect.open("GET", "/payments").isEmpty());
        assertTrue(dialect.open("GET", "/refunds").isEmpty());
        assertTrue(dialect.open("POST", "/payments/pay_1/refunds").isEmpty());
        assertEquals(Set.of("POST"), dialect.allowedMethods("/payments"));
        assertEquals(Set.of("GET"), dialect.allowedMethods("/payments/pay_1"));
        assertTrue(dialect.allowedMethods("/nothing").isEmpty());
    }

    @Test
    void aPaymentsDecimalAmountIsSentInMinorUnitsAndAnswered201InMajorUnits() {
        Exchange create = open("POST", "/payments");
        ObjectNode canonical = body(create.request(null,
                utf8("{\"amount\": 100.00, \"currency\": \"USD\", \"source\": \"tok_visa\", \"description\": \"Order\"}")));
        assertEquals(10000, canonical.get("amount").longValue());
        assertEquals("tok_visa", canonical.get("source").textValue());
        DialectRefusal tooPrecise = assertThrows(DialectRefusal.class,
                () -> create.request(null, utf8("{\"amount\": 100.5, \"currency\": \"JPY\", \"source\": \"tok_visa\"}")));
        assertEquals(400, tooPrecise.status());
        assertEquals("amount", tooPrecise.error().param());

        DialectAnswer answer = create.answer(201, utf8("""
                {"id": "pay_1", "object": "payment", "amount": 10000, "currency": "USD", "status": "succeeded",
                 "payment_method_id": "pm_1", "description": "Order", "created_at": "2025-01-15T10:30:00Z"}"""));
        assertEquals(201, answer.status());
        ObjectNode payment = json(answer);
        assertEquals(Set.of("id", "amount", "currency", "status", "description", "created_at"), fieldNames(payment));
        assertEquals(new BigDecimal("100.00"), payment.get("amount").decimalValue());
        assertEquals("succeeded", payment.get("status").textValue());
        assertEquals(200, open("GET", "/payments/pay_1").answer(200, utf8(
                "{\"id\": \"pay_1\", \"amount\": 100, \"currency\": \"JPY\", \"status\": \"succeeded\"}")).status());
    }

    @Test
    void aRefundsIdReadsRefundInsteadOfRef() {
        DialectAnswer answer = open("POST", "/refunds").answer(201, utf8(REFUND));
        assertEquals(201, answer.status());
        ObjectNode refund = json(answer);
        assertEquals("refund_abc123", refund.get("id").textValue());
        assertEquals("pay_1", refund.get("payment_id").textValue());
        assertEquals(new BigDecimal("25.50"), refund.get("amount").decimalValue());
        assertEquals("succeeded", refund.get("status").textValue());
        assertFalse(refund.has("object"));
        assertFalse(refund.has("reason"));
        ObjectNode unprefixed = json(open("POST", "/refunds").answer(201, utf8(
                "{\"id\": \"other_1\", \"payment_id\": \"pay_1\", \"amount\": 1, \"currency\": \"USD\"}")));
        assertEquals("other_1", unprefixed.get("id").textValue());
    }

    @Test
    void aRefundNamesItsPaymentAndItsDecimalAmountIsReadInThePaymentsCurrency() {
        Exchange refund = open("POST", "/refunds");
        ObjectNode full = body(refund.request(null, utf8("{\"payment_id\": \"pay_1\"}")));
        assertEquals("pay_1", full.get("payment_id").textValue());
        assertFalse(full.has("amount"));

        Translation.Lookup lookup = assertInstanceOf(Translation.Lookup.class,
                refund.request(null, utf8("{\"payment_id\": \"pay_1\", \"amount\": 25.50}")));
        assertEquals("/v1/payments/pay_1", lookup.path());
        ObjectNode partial = body(lookup.then().apply(utf8("{\"id\": \"pay_1\", \"currency\": \"USD\"}")));
        assertEquals(2550, partial.get("amount").longValue());
        assertEquals("pay_1", partial.get("payment_id").textValue());

        DialectRefusal inYen = assertThrows(DialectRefusal.class,
                () -> lookup.then().apply(utf8("{\"id\": \"pay_1\", \"currency\": \"JPY\"}")));
        assertEquals(400, inYen.status());
        assertEquals("amount", inYen.error().param());
        assertTrue(inYen.error().message().startsWith("Invalid refund amount: "), inYen.error().message());
        assertTrue(inYen.error().message().contains("JPY"), inYen.error().message());
        assertEquals(inYen.error().message(), plainError(new DialectAnswer(400, dialect.error(400, inYen.error()))));

        DialectRefusal noPayment = assertThrows(DialectRefusal.class,
                () -> refund.request(null, utf8("{\"amount\": 25.50}")));
        assertEquals(400, noPayment.status());
        assertEquals("parameter_missing", noPayment.error().code());
        assertEquals("payment_id", noPayment.error().param());
    }

    @Test
    void anUnprocessableRefundIsTheSeeds400() {
        DialectAnswer answer = open("POST", "/refunds").answer(422, utf8(canonicalError("invalid_request_error",
                "amount_exceeds_refundable", "The refund exceeds what is left: 100.", "amount")));
        assertEquals(400, answer.status());
        assertEquals("Invalid refund amount: The refund exceeds what is left: 100.", plainError(answer));
        DialectAnswer payment = open("POST", "/payments").answer(422, utf8(canonicalError("invalid_request_error",
                "payment_method_unusable", "Unusable.", null)));
        assertEquals(400, payment.status());
        assertEquals("Invalid payment source: Unusable.", plainError(payment));
    }

    @Test
    void anUnknownPaymentIsPaymentNotFound() {
        DialectAnswer retrieved = open("GET", "/payments/pay_gone").answer(404, utf8(canonicalError(
                "invalid_request_error", "resource_missing", "No such payment: 'pay_gone'", "id")));
        assertEquals(404, retrieved.status());
        assertEquals("Payment not found: No such payment: 'pay_gone'", plainError(retrieved));
        DialectAnswer withoutParam = open("GET", "/payments/pay_gone").answer(404, utf8(canonicalError(
                "invalid_request_error", "resource_missing", "No such payment: 'pay_gone'", null)));
        assertTrue(plainError(withoutParam).startsWith("Payment not found"));
        DialectAnswer refunded = open("POST", "/refunds").answer(404, utf8(canonicalError(
                "invalid_request_error", "resource_missing", "No such payment: 'pay_gone'", "payment_id")));
        assertEquals(404, refunded.status());
        assertEquals("Payment not found: No such payment: 'pay_gone'", plainError(refunded));
        DialectAnswer otherResource = open("POST", "/payments").answer(404, utf8(canonicalError(
                "invalid_request_error", "resource_missing", "No such payment method: 'pm_x'", "payment_method_id")));
        assertEquals(404, otherResource.status());
        assertEquals("No such payment method: 'pm_x'", plainError(otherResource));
    }

    @Test
    void aBadPaymentIsInvalidPaymentSource() {
        DialectAnswer answer = open("POST", "/payments").answer(400, utf8(canonicalError("invalid_request_error",
                "parameter_missing", "Missing required parameter: source.", "source")));
        assertEquals(400, answer.status());
        assertEquals("Invalid payment source: Missing required parameter: source.", plainError(answer));
        DialectAnswer refund = open("POST", "/refunds").answer(400, utf8(canonicalError("invalid_request_error",
                "amount_invalid", "Invalid amount.", "amount")));
        assertEquals("Invalid refund amount: Invalid amount.", plainError(refund));
        DialectAnswer lookup = open("GET", "/payments/pay_1").answer(400, utf8(canonicalError("invalid_request_error",
                "parameter_invalid", "Invalid id.", "id")));
        assertEquals("Invalid id.", plainError(lookup), "a retrieval has no documented 400 message");
    }

    @Test
    void everyErrorIsAPlainString() {
        assertEquals("Invalid API key.", plainError(new DialectAnswer(401, dialect.error(401,
                new ApiError("authentication_error", "api_key_invalid", "Invalid API key.", null)))));
        assertEquals("Too many requests.", plainError(new DialectAnswer(429, dialect.error(429,
                new ApiError("rate_limit_error", "rate_limited", "Too many requests.", null)))));
        DialectAnswer declined = open("POST", "/payments").answer(402, utf8(canonicalError("card_error",
                "card_declined", "Your card was declined.", "source")));
        assertEquals(402, declined.status());
        assertEquals("Your card was declined.", plainError(declined));
        DialectAnswer conflict = open("POST", "/refunds").answer(409, utf8(canonicalError("idempotency_error",
                "idempotency_key_in_use", "In flight.", null)));
        assertEquals(409, conflict.status());
        assertEquals("In flight.", plainError(conflict));
        DialectRefusal garbage = assertThrows(DialectRefusal.class, () -> open("POST", "/payments").request(null, utf8("[1")));
        assertEquals(400, garbage.status());
        assertEquals("invalid_json", garbage.error().code());
    }

    @Test
    void anEndpointRegisteredAtItsBasePathSubscribesInItsEventNames() {
        assertEquals(Set.of("payment.succeeded", "payment.failed", "refund.succeeded", "refund.failed"),
                dialect.webhooks().eventTypes().keySet());
        Exchange register = open("POST", "/webhook_endpoints");
        ObjectNode canonical = body(register.request(null,
                utf8("{\"url\": \"https://example.com/h\", \"events\": [\"refund.succeeded\", \"payment.failed\"]}")));
        assertEquals("refund.succeeded", canonical.at("/enabled_events/0").textValue());
        assertEquals("payment.failed", canonical.at("/enabled_events/1").textValue());
        assertEquals("paymentprocessing", canonical.get("dialect").textValue());
        DialectRefusal unknown = assertThrows(DialectRefusal.class, () -> register.request(null,
                utf8("{\"url\": \"https://example.com/h\", \"events\": [\"payment.canceled\"]}")));
        assertEquals("events", unknown.error().param());
        DialectRefusal empty = assertThrows(DialectRefusal.class, () -> register.request(null,
                utf8("{\"url\": \"https://example.com/h\", \"events\": []}")));
        assertEquals(400, empty.status());

        DialectAnswer shown = register.answer(201, utf8("""
                {"id": "we_1", "url": "https://example.com/h", "enabled_events": ["refund.succeeded"],
                 "secret": "whsec_x", "status": "enabled"}"""));
        assertEquals(201, shown.status());
        assertEquals("refund.succeeded", json(shown).at("/events/0").textValue());
        assertEquals("whsec_x", json(shown).get("secret").textValue());
        DialectAnswer refused = register.answer(400, utf8(canonicalError("invalid_request_error", "url_invalid",
                "Invalid url.", "url")));
        assertEquals(400, refused.status());
        assertEquals("Invalid url.", plainError(refused));
    }

    @Test
    void eventsCarryTheSeedsIdsAndDecimalAmounts() {
        ObjectNode refund = Json.parse(dialect.webhooks().event("{\"id\": \"evt_1\", \"type\": \"refund.succeeded\","
                + " \"created_at\": \"2025-01-15T10:35:00Z\", \"data\": " + REFUND + "}").orElseThrow());
        assertEquals(Set.of("id", "type", "created_at", "data"), fieldNames(refund));
        assertEquals("refund.succeeded", refund.get("type").textValue());
        assertEquals("refund_abc123", refund.at("/data/id").textValue());
        assertEquals(new BigDecimal("25.50"), refund.at("/data/amount").decimalValue());
        ObjectNode payment = Json.parse(dialect.webhooks().event("""
                {"id": "evt_2", "type": "payment.succeeded", "data": {"id": "pay_1", "object": "payment",
                 "amount": 100, "currency": "JPY", "status": "succeeded"}}""").orElseThrow());
        assertEquals("payment.succeeded", payment.get("type").textValue());
        assertEquals("pay_1", payment.at("/data/id").textValue());
        assertEquals(new BigDecimal("100"), payment.at("/data/amount").decimalValue());
        assertTrue(dialect.webhooks().event("{\"id\": \"evt_3\", \"type\": \"payment.canceled\", \"data\": {}}").isEmpty());
        assertTrue(dialect.webhooks().event("{\"id\": \"evt_4\", \"type\": \"refund.created\", \"data\": {}}").isEmpty());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
