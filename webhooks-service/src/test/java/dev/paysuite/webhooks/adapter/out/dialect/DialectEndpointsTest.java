package dev.paysuite.webhooks.adapter.out.dialect;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.paysuite.platform.testing.TestCaller;
import dev.paysuite.webhooks.testing.TestDialect;
import dev.paysuite.webhooks.testing.TestEvents;
import dev.paysuite.webhooks.testing.TestReceiver;
import dev.paysuite.webhooks.testing.TestReceiver.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An endpoint registered with a dialect (as the gateway registers one made through a seed API's
 * base path) against PostgreSQL and a local receiver: it is shown with its dialect, receives only
 * the events its dialect has, written and signed as the dialect's, while a canonical endpoint of
 * the same merchant receives every event as before. The dialect is {@link TestDialect}.
 */
@QuarkusTest
class DialectEndpointsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final TestReceiver receiver = TestReceiver.open();

    @Inject
    AgroalDataSource dataSource;

    final TestCaller merchant = TestCaller.newTestMerchant();

    record Made(String id, String secret) {
    }

    Made endpoint(String path, String dialect) {
        Map<String, Object> body = new HashMap<>(Map.of("url", receiver.url(path), "enabled_events", List.of("*")));
        if (dialect != null) {
            body.put("dialect", dialect);
        }
        var r = merchant.request().body(body).post("/v1/webhook_endpoints").then().statusCode(201)
                .body("$", hasKey("dialect")).body("dialect", equalTo(dialect));
        return new Made(r.extract().path("id"), r.extract().path("secret"));
    }

    static JsonNode verified(Made endpoint, Received r) throws Exception {
        new Webhook(endpoint.secret()).verify(r.body(), Map.of("webhook-id", List.of(r.header("webhook-id")),
                "webhook-timestamp", List.of(r.header("webhook-timestamp")),
                "webhook-signature", List.of(r.header("webhook-signature"))));
        return JSON.readTree(r.body());
    }

    @Test
    void aDialectEndpointGetsItsDialectsEventsOnlyInItsShapeSignedAndACanonicalOneEveryEventAsBefore()
            throws Exception {
        String dialectPath = "/" + UUID.randomUUID();
        String canonicalPath = "/" + UUID.randomUUID();
        Made dialect = endpoint(dialectPath, TestDialect.NAME);
        Made canonical = endpoint(canonicalPath, null);
        TestEvents db = new TestEvents(dataSource);
        String succeeded = db.insert(merchant.merchantId(), "payment.succeeded");
        String created = db.insert(merchant.merchantId(), "payment.created");
        String failed = db.insert(merchant.merchantId(), "payment.failed");

        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.at(canonicalPath).size() == 3
                && receiver.at(dialectPath).size() == 2);
        Map<String, Received> toDialect = receiver.at(dialectPath).stream()
                .collect(Collectors.toMap(r -> r.header("webhook-id"), Function.identity()));
        Map<String, Received> toCanonical = receiver.at(canonicalPath).stream()
                .collect(Collectors.toMap(r -> r.header("webhook-id"), Function.identity()));
        assertEquals(java.util.Set.of(succeeded, failed), toDialect.keySet(), "the webhook-id is the event's id");
        assertEquals(java.util.Set.of(succeeded, created, failed), toCanonical.keySet());

        JsonNode completed = verified(dialect, toDialect.get(succeeded));
        assertEquals(succeeded, completed.path("id").asText());
        assertEquals("payment.completed", completed.path("type").asText());
        assertEquals(1000, completed.path("data").path("amount").asLong());
        assertEquals("EUR", completed.path("data").path("currency").asText());
        assertEquals("payment.failed", verified(dialect, toDialect.get(failed)).path("type").asText());

        // the canonical endpoint's bodies are the Events API's events, and exactly what the dialect was given
        for (String evt : List.of(succeeded, created, failed)) {
            JsonNode event = verified(canonical, toCanonical.get(evt));
            assertEquals("event", event.path("object").asText());
            assertEquals(JSON.readTree(merchant.request().get("/v1/events/" + evt).then().statusCode(200).extract()
                    .asString()), event);
            assertTrue(TestDialect.GIVEN.contains(toCanonical.get(evt).body()), evt);
        }

        // no delivery was written of the event the dialect does not have
        Thread.sleep(800);
        assertEquals(2, receiver.at(dialectPath).size());
        assertEquals(2, db.count("SELECT count(*) FROM deliveries WHERE endpoint_id = ?", dialect.id()));
        assertEquals(0, db.count("SELECT count(*) FROM deliveries WHERE endpoint_id = ? AND event_id = ?",
                dialect.id(), created));

        // a resend sends the same dialect body; an event the dialect does not have is refused
        merchant.request().body(Map.of("event_id", succeeded)).post("/v1/webhook_endpoints/" + dialect.id() + "/resend")
                .then().statusCode(200).body("event_id", equalTo(succeeded));
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(dialectPath).size() == 3);
        Received resent = receiver.at(dialectPath).get(2);
        assertEquals(succeeded, resent.header("webhook-id"));
        assertEquals(toDialect.get(succeeded).body(), resent.body());
        verified(dialect, resent);
        merchant.request().body(Map.of("event_id", created)).post("/v1/webhook_endpoints/" + dialect.id() + "/resend")
                .then().statusCode(422).body("error.code", equalTo("event_not_in_dialect"))
                .body("error.param", equalTo("event_id"));
    }

    @Test
    void theDialectIsShownOnEveryAnswerAndCannotBeChangedByAnUpdate() {
        Made dialect = endpoint("/" + UUID.randomUUID(), TestDialect.NAME);
        Made canonical = endpoint("/" + UUID.randomUUID(), null);
        String path = "/v1/webhook_endpoints/";
        merchant.request().get(path + dialect.id()).then().statusCode(200).body("dialect", equalTo(TestDialect.NAME));
        merchant.request().get(path + canonical.id()).then().statusCode(200).body("$", hasKey("dialect"))
                .body("dialect", nullValue());
        merchant.request().get("/v1/webhook_endpoints").then().statusCode(200)
                .body("data.find { it.id == '" + dialect.id() + "' }.dialect", equalTo(TestDialect.NAME))
                .body("data.find { it.id == '" + canonical.id() + "' }", hasKey("dialect"));
        merchant.request().body(Map.of("description", "orders")).post(path + dialect.id()).then().statusCode(200)
                .body("dialect", equalTo(TestDialect.NAME)).body("description", equalTo("orders"));
        merchant.request().post(path + dialect.id() + "/roll_secret").then().statusCode(200)
                .body("dialect", equalTo(TestDialect.NAME));

        for (String id : List.of(dialect.id(), canonical.id())) {
            merchant.request().body(Map.of("dialect", TestDialect.NAME)).post(path + id).then().statusCode(400)
                    .body("error.code", equalTo("parameter_unknown")).body("error.param", equalTo("dialect"));
        }
        merchant.request().get(path + canonical.id()).then().body("dialect", nullValue());
    }

    @Test
    void aDialectThatDoesNotExistIsRefusedNamingTheParameter() {
        for (Object unknown : List.of("nosuch", "TestExample", "", 7)) {
            merchant.request().body(Map.of("url", receiver.url("/x"), "enabled_events", List.of("*"),
                    "dialect", unknown)).post("/v1/webhook_endpoints").then().statusCode(400)
                    .body("error.param", equalTo("dialect"));
        }
        merchant.request().body(Map.of("url", receiver.url("/x"), "enabled_events", List.of("*"), "dialect", "nosuch"))
                .post("/v1/webhook_endpoints").then().body("error.code", equalTo("parameter_invalid"))
                .body("error.type", equalTo("invalid_request_error"));
        merchant.request().get("/v1/webhook_endpoints").then().statusCode(200).body("total_count", equalTo(0));
    }
}
