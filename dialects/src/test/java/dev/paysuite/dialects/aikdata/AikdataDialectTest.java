package dev.paysuite.dialects.aikdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import dev.paysuite.dialects.support.Json;
import dev.paysuite.dialects.support.Query;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AikdataDialectTest {
    private final AikdataDialect dialect = new AikdataDialect();

    static final String PAYMENT = """
            {"id": "pay_abc123", "object": "payment", "amount": 1500, "amount_captured": 1500,
             "amount_refunded": 0, "currency": "USD", "status": "succeeded", "payment_method_id": "pm_test_success",
             "description": "Order #1234", "metadata": {"order_id": "ORD-1234", "channel": "playground"},
             "livemode": false, "created_at": "2026-03-12T10:00:00Z", "updated_at": "2026-03-12T10:00:01Z"}""";
    static final String REFUND = """
            {"id": "ref_xyz789", "object": "refund", "payment_id": "pay_abc123", "amount": 1500, "currency": "USD",
             "status": "succeeded", "reason": "requested_by_customer", "metadata": {"ticket": "SUP-1001"},
             "livemode": false, "created_at": "2026-03-12T10:05:00Z"}""";

    private Exchange open(String method, String path) {
        return dialect.open(method, path).orElseThrow(() -> new AssertionError("no exchange for " + method + " " + path));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode body(CanonicalRequest request) {
        return Json.requestObject(request.body());
    }

    private static ObjectNode json(DialectAnswer answer) {
        return Json.answerObject(answer.body());
    }

    private CanonicalRequest translate(String method, String path, String query, String body) {
        return assertInstanceOf(CanonicalRequest.class, open(method, path).request(query, utf8(body)));
    }

    private DialectRefusal refused(String method, String path, String query, String body) {
        return assertThrows(DialectRefusal.class, () -> open(method, path).request(query, utf8(body)));
    }

    @Test
    void isListedWithItsBasePathAndTheKeysOwnRateLimit() {
        assertEquals("aikdata", dialect.name());
        assertEquals("/compat/aikdata/v1/payments", dialect.basePath());
        assertTrue(dialect.rateLimit().isEmpty());
        assertEquals(Dialects.named("aikdata").orElseThrow().basePath(), dialect.basePath());
        Dialects.Located located = Dialects.locate("/compat/aikdata/v1/payments/charge/ch_1").orElseThrow();
        assertInstanceOf(AikdataDialect.class, located.dialect());
        assertEquals("/charge/ch_1", located.path());
    }

    @Test
    void routesTheSeedsFourEndpointsToTheCanonicalApi() {
        Exchange create = open("POST", "/charge");
        assertEquals("POST", create.method());
        assertEquals("/v1/payments", create.path());
        Exchange retrieve = open("GET", "/charge/ch_abc123");
        assertEquals("GET", retrieve.method());
        assertEquals("/v1/payments/pay_abc123", retrieve.path());
        assertEquals("/v1/payments", open("GET", "/charges").path());
        Exchange refund = open("POST", "/refund");
        assertEquals("POST", refund.method());
        assertEquals("/v1/refunds", refund.path());
    }

    @Test
    void unknownPathsAndMethodsHaveNoExchange() {
        assertTrue(dialect.open("GET", "/charge").isEmpty());
        assertTrue(dialect.open("DELETE", "/charge/ch_1").isEmpty());
        assertTrue(dialect.open("POST", "/charges").isEmpty());
        assertTrue(dialect.open("GET", "/refund").isEmpty());
        assertTrue(dialect.open("GET", "").isEmpty());
        assertTrue(dialect.open("GET", "/payments").isEmpty());
        assertEquals(Set.of("POST"), dialect.allowedMethods("/charge"));
        assertEquals(Set.of("GET"), dialect.allowedMethods("/charges"));
        assertTrue(dialect.allowedMethods("/nothing").isEmpty());
    }

    @Test
    void aChargeIsAPaymentWithTheSucceedingTestMethodAndItsMetadata() {
        CanonicalRequest request = translate("POST", "/charge", null, """
                {"amount": 1500, "currency": "USD", "description": "Order #1234",
                 "metadata": {"order_id": "ORD-1234", "channel": "playground"}}""");
        assertNull(request.query());
        ObjectNode canonical = body(request);
        assertEquals(1500, canonical.get("amount").longValue());
        assertEquals("USD", canonical.get("currency").textValue());
        assertEquals("pm_test_success", canonical.get("payment_method_id").textValue());
        assertEquals("Order #1234", canonical.get("description").textValue());
        assertEquals("ORD-1234", canonical.path("metadata").path("order_id").textValue());
        assertEquals("playground", canonical.path("metadata").path("channel").textValue());
    }

    @Test
    void aChargeMayNameTheMethodItPaysWith() {
        ObjectNode canonical = body(translate("POST", "/charge", null,
                "{\"amount\": 100, \"currency\": \"EUR\", \"payment_method_id\": \"pm_test_decline\"}"));
        assertEquals("pm_test_decline", canonical.get("payment_method_id").textValue());
        assertFalse(canonical.has("description"));
        assertFalse(canonical.has("metadata"));
    }

    @Test
    void aCreatedChargeAnswers200WithTheSeedsFields() {
        DialectAnswer answer = open("POST", "/charge").answer(201, utf8(PAYMENT));
        assertEquals(200, answer.status());
        ObjectNode charge = json(answer);
        assertTheExampleCharge(charge);
        assertEquals("2026-03-12T10:00:00Z", charge.get("created_at").textValue());
        assertEquals("Order #1234", charge.get("description").textValue());
        assertEquals("ORD-1234", charge.path("metadata").path("order_id").textValue());
        assertFalse(charge.has("payment_method_id"), "the canonical method stays out of the seed's charge");
    }

    @Test
    void aRetrievedChargeIsThePaymentUnderItsChargeId() {
        Exchange retrieve = open("GET", "/charge/ch_abc123");
        CanonicalRequest request = assertInstanceOf(CanonicalRequest.class, retrieve.request(null, new byte[0]));
        assertNull(request.query());
        assertEquals(0, request.body().length);
        DialectAnswer answer = retrieve.answer(200, utf8(PAYMENT));
        assertEquals(200, answer.status());
        assertTheExampleCharge(json(answer));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pay_abc123", "abc123", "ch_", "ch_not-an-id", "ch_%2e%2e", "rf_abc123",
            "ch_0123456789012345678901234567890123456789"})
    void anIdThatIsNoChargesIsA404InTheSeedsShape(String id) {
        Exchange retrieve = open("GET", "/charge/" + id);
        assertEquals("GET", retrieve.method());
        assertTrue(retrieve.path().startsWith("/v1/payments/"));
        DialectRefusal refusal = assertThrows(DialectRefusal.class, () -> retrieve.request(null, new byte[0]));
        assertEquals(404, refusal.status());
        assertEquals("resource_missing", refusal.error().code());
        ObjectNode error = Json.answerObject(dialect.error(refusal.status(), refusal.error()));
        assertEquals("resource_missing", error.path("error").path("code").textValue());
        assertTrue(error.path("error").path("message").textValue().contains(id));
        assertEquals(Set.of("code", "message"), fieldNames(error.path("error")));
    }

    @Test
    void theListIsAnOffsetPageWithItsTotal() {
        Exchange list = open("GET", "/charges");
        CanonicalRequest request = assertInstanceOf(CanonicalRequest.class,
                list.request("limit=20&offset=40&status=succeeded", new byte[0]));
        assertEquals(Map.of("limit", "20", "offset", "40", "status", "succeeded"), Query.parse(request.query()));
        DialectAnswer answer = list.answer(200, utf8("{\"object\": \"list\", \"url\": \"/v1/payments\", \"data\": ["
                + PAYMENT + "], \"has_more\": true, \"next_cursor\": \"pay_abc123\", \"total_count\": 42}"));
        assertEquals(200, answer.status());
        ObjectNode page = json(answer);
        assertEquals(Set.of("data", "total", "limit", "offset"), fieldNames(page));
        assertEquals(42, page.get("total").intValue());
        assertEquals(20, page.get("limit").intValue());
        assertEquals(40, page.get("offset").intValue());
        assertEquals(1, page.get("data").size());
        assertEquals("ch_abc123", page.path("data").path(0).path("id").textValue());
        assertEquals(1500, page.path("data").path(0).path("amount").intValue());
        assertEquals("succeeded", page.path("data").path(0).path("status").textValue());
    }

    @Test
    void theListsDefaultsAreTheCanonicalOnesAndAreEchoed() {
        Exchange list = open("GET", "/charges");
        CanonicalRequest request = assertInstanceOf(CanonicalRequest.class, list.request(null, new byte[0]));
        assertEquals(Map.of("limit", "10", "offset", "0"), Query.parse(request.query()));
        ObjectNode page = json(list.answer(200, utf8("{\"data\": [], \"has_more\": false, \"total_count\": 0}")));
        assertEquals(0, page.get("total").intValue());
        assertEquals(10, page.get("limit").intValue());
        assertEquals(0, page.get("offset").intValue());
        assertEquals(0, page.get("data").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=ten", "offset=1.5", "limit=99999999999", "offset=%"})
    void aListQueryThatIsNoIntegerIsA400(String query) {
        DialectRefusal refusal = refused("GET", "/charges", query, "");
        assertEquals(400, refusal.status());
        assertEquals("parameter_invalid", refusal.error().code());
    }

    @Test
    void aRefundNamesItsChargeAndRefundsWhatIsLeftWithoutAnAmount() {
        ObjectNode full = body(translate("POST", "/refund", null, "{\"charge_id\": \"ch_abc123\"}"));
        assertEquals("pay_abc123", full.get("payment_id").textValue());
        assertFalse(full.has("amount"));
        ObjectNode partial = body(translate("POST", "/refund", null, """
                {"charge_id": "ch_abc123", "amount": 500, "reason": "requested_by_customer",
                 "metadata": {"ticket": "SUP-1001"}}"""));
        assertEquals("pay_abc123", partial.get("payment_id").textValue());
        assertEquals(500, partial.get("amount").longValue());
        assertEquals("requested_by_customer", partial.get("reason").textValue());
        assertEquals("SUP-1001", partial.path("metadata").path("ticket").textValue());
        assertFalse(partial.has("charge_id"));
    }

    @Test
    void aRefundAnswers200WithTheSeedsFields() {
        DialectAnswer answer = open("POST", "/refund").answer(200, utf8(REFUND));
        assertEquals(200, answer.status());
        assertTheExampleRefund(json(answer));
    }

    @Test
    void aRefundOfAnIdThatIsNoChargesIsA404() {
        DialectRefusal refusal = refused("POST", "/refund", null, "{\"charge_id\": \"pay_abc123\"}");
        assertEquals(404, refusal.status());
        assertEquals("resource_missing", refusal.error().code());
    }

    @Test
    void aRefundWithoutItsChargeIsA400() {
        DialectRefusal refusal = refused("POST", "/refund", null, "{\"amount\": 100}");
        assertEquals(400, refusal.status());
        assertEquals("parameter_missing", refusal.error().code());
        assertEquals("charge_id", refusal.error().param());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1, 2]", "\"text\"", "{\"amount\": 1500,", "{\"amount\": 1, \"amount\": 2}",
            "{} {}", "null"})
    void garbageBodiesAre400sNeverExceptions(String body) {
        for (String path : List.of("/charge", "/refund")) {
            DialectRefusal refusal = refused("POST", path, null, body);
            assertEquals(400, refusal.status(), body);
            assertEquals("invalid_json", refusal.error().code(), body);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1500\"", "15.5", "1500.0", "true", "{}", "[1500]", "-1", "0",
            "-99999999999999999999999999", "1e400"})
    void anAmountThatIsNoPositiveIntegerIsA400(String amount) {
        DialectRefusal charge = refused("POST", "/charge", null, "{\"amount\": " + amount + ", \"currency\": \"USD\"}");
        assertEquals(400, charge.status());
        assertEquals("amount_invalid", charge.error().code(), amount);
        assertEquals("amount", charge.error().param());
        DialectRefusal refund = refused("POST", "/refund", null, "{\"charge_id\": \"ch_1\", \"amount\": " + amount + "}");
        assertEquals(400, refund.status());
        assertEquals("amount_invalid", refund.error().code(), amount);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9007199254740992", "99999999999999999999999999999999"})
    void aHugeAmountIsA400(String amount) {
        DialectRefusal refusal = refused("POST", "/charge", null, "{\"amount\": " + amount + ", \"currency\": \"USD\"}");
        assertEquals(400, refusal.status());
        assertEquals("amount_too_large", refusal.error().code());
    }

    @Test
    void missingAndWronglyTypedFieldsAre400s() {
        assertEquals("parameter_missing", refused("POST", "/charge", null, "").error().code());
        assertEquals("amount", refused("POST", "/charge", null, "{\"currency\": \"USD\"}").error().param());
        assertEquals("currency", refused("POST", "/charge", null, "{\"amount\": 100}").error().param());
        DialectRefusal currency = refused("POST", "/charge", null, "{\"amount\": 100, \"currency\": 840}");
        assertEquals("parameter_invalid", currency.error().code());
        assertEquals("currency", currency.error().param());
        DialectRefusal description = refused("POST", "/charge", null,
                "{\"amount\": 100, \"currency\": \"USD\", \"description\": [\"x\"]}");
        assertEquals("description", description.error().param());
        DialectRefusal metadata = refused("POST", "/charge", null,
                "{\"amount\": 100, \"currency\": \"USD\", \"metadata\": \"order\"}");
        assertEquals("metadata_invalid", metadata.error().code());
        DialectRefusal charge = refused("POST", "/refund", null, "{\"charge_id\": 12}");
        assertEquals("charge_id", charge.error().param());
        DialectRefusal unknown = refused("POST", "/charge", null,
                "{\"amount\": 100, \"currency\": \"USD\", \"source\": \"tok_visa\"}");
        assertEquals("parameter_unknown", unknown.error().code());
        assertEquals("source", unknown.error().param());
        assertEquals("parameter_unknown",
                refused("POST", "/refund", null, "{\"charge_id\": \"ch_1\", \"payment_id\": \"pay_1\"}").error().code());
    }

    @Test
    void aDeclinedCardIsTheSeeds400NamingTheFailedCharge() {
        DialectAnswer answer = open("POST", "/charge").answer(402, utf8("""
                {"error": {"type": "card_error", "code": "card_declined", "message": "Your card was declined.",
                 "param": "payment_method_id", "details": {"payment_id": "pay_failed1", "decline_code": "generic_decline",
                 "payment": {"id": "pay_failed1"}}}}"""));
        assertEquals(400, answer.status());
        ObjectNode error = json(answer).with("error");
        assertEquals("card_declined", error.get("code").textValue());
        assertEquals("Your card was declined.", error.get("message").textValue());
        assertEquals("ch_failed1", error.get("charge_id").textValue());
        assertFalse(error.has("type"));
        assertFalse(error.has("param"));
    }

    @Test
    void canonicalErrorsKeepTheirCodeAndMessageWithTheDialectsIds() {
        DialectAnswer notFound = open("GET", "/charge/ch_gone").answer(404, utf8(
                "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"resource_missing\","
                        + " \"message\": \"No such payment: 'pay_gone'\", \"param\": \"id\"}}"));
        assertEquals(404, notFound.status());
        assertEquals("resource_missing", json(notFound).path("error").path("code").textValue());
        assertEquals("No such payment: 'ch_gone'", json(notFound).path("error").path("message").textValue());

        DialectAnswer tooMuch = open("POST", "/refund").answer(422, utf8(
                "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"amount_exceeds_refundable\","
                        + " \"message\": \"pay_1 has 100 left; ref_2 took the rest\"}}"));
        assertEquals(400, tooMuch.status());
        assertEquals("ch_1 has 100 left; rf_2 took the rest", json(tooMuch).path("error").path("message").textValue());

        assertEquals(400, open("POST", "/refund").answer(409, utf8(
                "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"payment_fully_refunded\","
                        + " \"message\": \"refunded\"}}")).status());
        assertEquals(409, open("POST", "/refund").answer(409, utf8(
                "{\"error\": {\"type\": \"idempotency_error\", \"code\": \"idempotency_key_in_use\","
                        + " \"message\": \"in flight\"}}")).status());
        assertEquals(503, open("GET", "/charges").answer(503, utf8("not json at all")).status());
        ObjectNode unreadable = json(open("GET", "/charges").answer(503, utf8("not json at all")));
        assertEquals("internal_error", unreadable.path("error").path("code").textValue());
        assertTrue(unreadable.path("error").path("message").isTextual());
    }

    @Test
    void theGatewaysRefusalsAreWrittenInTheSeedsShape() {
        ObjectNode unauthorized = Json.answerObject(dialect.error(401,
                new ApiError("authentication_error", "api_key_invalid", "Invalid API key or access token provided.", null)));
        assertEquals(Set.of("error"), fieldNames(unauthorized));
        assertEquals(Set.of("code", "message"), fieldNames(unauthorized.path("error")));
        assertEquals("api_key_invalid", unauthorized.path("error").path("code").textValue());
        assertEquals("Invalid API key or access token provided.",
                unauthorized.path("error").path("message").textValue());
    }

    @Test
    void publishesTheSeedsDocumentAtItsBasePath() {
        ObjectNode document = Json.answerObject(dialect.openApiDocument());
        assertEquals("3.0.3", document.get("openapi").textValue());
        assertEquals("/compat/aikdata/v1/payments", document.path("servers").path(0).path("url").textValue());
        assertEquals(Set.of("/charge", "/charge/{id}", "/charges", "/refund"), fieldNames(document.path("paths")));
        byte[] first = dialect.openApiDocument();
        first[0] = 0;
        assertFalse(java.util.Arrays.equals(first, dialect.openApiDocument()));
        assertArrayEquals(dialect.openApiDocument(), dialect.openApiDocument());
    }

    /** The seed's example charge, from {@link #PAYMENT}. */
    static void assertTheExampleCharge(JsonNode charge) {
        assertEquals("ch_abc123", charge.get("id").textValue());
        assertEquals(1500, charge.get("amount").intValue());
        assertEquals("USD", charge.get("currency").textValue());
        assertEquals("succeeded", charge.get("status").textValue());
        assertFalse(charge.has("object"));
    }

    /** The seed's example refund, from {@link #REFUND}. */
    static void assertTheExampleRefund(JsonNode refund) {
        assertEquals("rf_xyz789", refund.get("id").textValue());
        assertEquals("ch_abc123", refund.get("charge_id").textValue());
        assertEquals(1500, refund.get("amount").intValue());
        assertEquals("succeeded", refund.get("status").textValue());
        assertFalse(refund.has("payment_id"));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void anEndpointRegisteredAtItsBasePathSubscribesInItsEventNames() {
        var register = new AikdataDialect().open("POST", "/webhook_endpoints").orElseThrow();
        var canonical = dev.paysuite.dialects.support.Json.answerObject(((dev.paysuite.dialects.CanonicalRequest) register
                .request(null, "{\"url\": \"https://example.com/h\", \"events\": [\"charge.succeeded\"]}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))).body());
        org.junit.jupiter.api.Assertions.assertEquals("payment.succeeded", canonical.at("/enabled_events/0").asText());
        org.junit.jupiter.api.Assertions.assertEquals("aikdata", canonical.get("dialect").asText());
    }
}
