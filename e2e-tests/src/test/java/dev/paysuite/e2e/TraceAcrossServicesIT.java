package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.paysuite.e2e.OtlpReceiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One payment made through the gateway is one trace, as the services themselves exported it to the
 * suite's OTLP receiver: the gateway's server span at its root, the call it forwards, the
 * payments-service request, the outbox relay's producer span (sent later from the relay's own
 * thread, its parent read back from the outbox row), the consumers of {@code payments.events} in
 * refunds-service and webhooks-service (their parent from the Kafka record's {@code traceparent}),
 * and the webhook delivery the worker makes later still (its parent kept with the stored event),
 * whose request carries that trace's {@code traceparent} to the merchant's endpoint.
 * <p>
 * The trace is found from the event, not from the webhook's header: the webhooks-service consumer
 * span that applied the event names its id; everything else must hang from the same root.
 */
@ExtendWith(Suite.Extension.class)
class TraceAcrossServicesIT {
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    record Received(String traceparent, JsonNode event) {
    }

    @Test
    void aPaymentThroughTheGatewayIsOneTraceFromItsRequestToItsWebhook() throws Exception {
        List<Received> webhooks = new CopyOnWriteArrayList<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hooks", exchange -> {
            try (exchange) {
                webhooks.add(new Received(exchange.getRequestHeaders().getFirst("traceparent"),
                        JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))));
                exchange.sendResponseHeaders(204, -1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        endpoint.start();
        try {
            String key = Merchants.create().apiKey();
            given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                    .body("{\"url\": \"http://127.0.0.1:" + endpoint.getAddress().getPort()
                            + "/hooks\", \"enabled_events\": [\"payment.created\"]}")
                    .post("/v1/webhook_endpoints").then().statusCode(201);
            String payment = given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key)
                    .contentType(ContentType.JSON)
                    .body("{\"amount\": 2500, \"currency\": \"EUR\", \"payment_method_id\": \"pm_test_success\"}")
                    .post("/v1/payments").then().statusCode(201).body("status", equalTo("succeeded"))
                    .extract().path("id");

            Received webhook = await().atMost(PATIENCE).until(() -> webhooks.stream()
                    .filter(w -> payment.equals(w.event().path("data").path("id").asText())).findFirst(),
                    Optional::isPresent).orElseThrow();
            String eventId = webhook.event().get("id").asText();
            OtlpReceiver traces = Suite.traces();

            // The trace is the one webhooks-service applied the event in
            String traceId = await().atMost(PATIENCE).until(() -> traces
                    .withAttribute("webhooks-service", "messaging.message.id", eventId).stream()
                    .filter(s -> s.kind() == SpanKind.SPAN_KIND_CONSUMER).map(ReceivedSpan::traceId).findFirst(),
                    Optional::isPresent).orElseThrow();

            // The webhook's request carries it, from the delivery's own client span
            assertNotNull(webhook.traceparent(), "the webhook request carries a traceparent");
            String[] header = webhook.traceparent().split("-");
            assertEquals(4, header.length, webhook.traceparent());
            assertEquals(traceId, header[1], "the webhook carries the payment request's trace id");
            assertEquals("01", header[3], "sampled");

            // Every span of it, once every one was exported: each parent named is in the trace
            Trace trace = await().atMost(PATIENCE).until(() -> new Trace(traces.trace(traceId)),
                    t -> t.isWhole() && t.has(s -> s.spanId().equals(header[2])) && t.has(
                            s -> s.service().equals("refunds-service") && s.kind() == SpanKind.SPAN_KIND_CONSUMER));

            ReceivedSpan root = trace.root();
            assertEquals("gateway", root.service(), trace.toString());
            assertEquals(SpanKind.SPAN_KIND_SERVER, root.kind(), trace.toString());
            assertEquals("/v1/payments", root.attributes().get("url.path"), trace.toString());

            // gateway -> payments-service over HTTP
            ReceivedSpan paymentsServer = trace.one(s -> s.service().equals("payments-service")
                    && s.kind() == SpanKind.SPAN_KIND_SERVER && "/v1/payments".equals(s.attributes().get("url.path")));
            ReceivedSpan forwarded = trace.parentOf(paymentsServer);
            assertEquals("gateway", forwarded.service(), trace.toString());
            assertEquals(SpanKind.SPAN_KIND_CLIENT, forwarded.kind(), trace.toString());
            assertTrue(trace.descendsFrom(forwarded, root), trace.toString());

            // payments-service -> payments.events, from the outbox relay
            ReceivedSpan published = trace.one(s -> s.service().equals("payments-service")
                    && s.kind() == SpanKind.SPAN_KIND_PRODUCER
                    && "payments.events".equals(s.attributes().get("messaging.destination.name"))
                    && trace.isConsumedAs(s, eventId));
            assertTrue(trace.descendsFrom(published, paymentsServer), "published in the request's trace: " + trace);

            // payments.events -> refunds-service and webhooks-service, each applying the event
            for (String consumer : List.of("refunds-service", "webhooks-service")) {
                ReceivedSpan applied = trace.one(s -> s.service().equals(consumer)
                        && s.kind() == SpanKind.SPAN_KIND_CONSUMER && eventId.equals(s.attributes().get("messaging.message.id")));
                assertEquals("payments.events process", applied.name(), trace.toString());
                assertTrue(trace.descendsFrom(applied, published), consumer + " consumed what was published: " + trace);
                assertTrue(trace.descendsFrom(applied, root), trace.toString());
            }

            // webhooks-service -> the merchant's endpoint, in a delivery the worker made later
            ReceivedSpan applied = trace.one(s -> s.service().equals("webhooks-service")
                    && s.kind() == SpanKind.SPAN_KIND_CONSUMER && eventId.equals(s.attributes().get("messaging.message.id")));
            ReceivedSpan sent = trace.one(s -> s.spanId().equals(header[2]));
            assertEquals("webhooks-service", sent.service(), trace.toString());
            assertEquals(SpanKind.SPAN_KIND_CLIENT, sent.kind(), trace.toString());
            assertEquals("204", sent.attributes().get("http.response.status_code"), trace.toString());
            ReceivedSpan delivery = trace.parentOf(sent);
            assertEquals("webhook delivery", delivery.name(), trace.toString());
            assertEquals(applied.spanId(), delivery.parentSpanId(), "the delivery continues the consumer's trace: " + trace);
        } finally {
            endpoint.stop(0);
        }
    }

    @Test
    void aPaymentOnALinksPageIsOneTraceThroughTheVaultAndPayments() {
        String key = Merchants.create().apiKey();
        String link = given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body("{\"amount\": 1800, \"currency\": \"USD\"}").post("/v1/payment_links").then().statusCode(201)
                .extract().path("id");
        given().baseUri(Suite.GATEWAY).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("method=card&card_number=4242424242424242&exp_month=12&exp_year=2031&cvc=123")
                .post("/pay/" + link).then().statusCode(303);
        OtlpReceiver traces = Suite.traces();
        String traceId = await().atMost(PATIENCE).until(() -> traces.withAttribute("payments-service", "url.path",
                "/pay/" + link).stream().filter(s -> s.kind() == SpanKind.SPAN_KIND_SERVER)
                .map(ReceivedSpan::traceId).findFirst(), Optional::isPresent).orElseThrow();
        Trace trace = await().atMost(PATIENCE).until(() -> new Trace(traces.trace(traceId)),
                t -> t.isWhole() && t.has(s -> s.service().equals("methods-service") && s.kind() == SpanKind.SPAN_KIND_SERVER)
                        && t.has(s -> s.service().equals("payments-service") && s.kind() == SpanKind.SPAN_KIND_PRODUCER));
        ReceivedSpan root = trace.root();
        assertEquals("gateway", root.service(), trace.toString());
        assertEquals("/pay/" + link, root.attributes().get("url.path"), trace.toString());
        // gateway -> payments-service: whose link it is, then the page's form without the card
        ReceivedSpan lookup = trace.one(s -> s.service().equals("payments-service") && s.kind() == SpanKind.SPAN_KIND_SERVER
                && ("/internal/v1/payment_links/" + link).equals(s.attributes().get("url.path")));
        assertTrue(trace.descendsFrom(lookup, root), trace.toString());
        // gateway -> methods-service: the card exchanged at the vault
        ReceivedSpan vault = trace.one(s -> s.service().equals("methods-service") && s.kind() == SpanKind.SPAN_KIND_SERVER
                && "/internal/v1/vault/tokens".equals(s.attributes().get("url.path")));
        assertTrue(trace.descendsFrom(vault, root), trace.toString());
        ReceivedSpan page = trace.one(s -> s.service().equals("payments-service") && s.kind() == SpanKind.SPAN_KIND_SERVER
                && ("/pay/" + link).equals(s.attributes().get("url.path")));
        assertTrue(trace.descendsFrom(page, root), trace.toString());
        assertTrue(trace.has(s -> s.service().equals("payments-service") && s.kind() == SpanKind.SPAN_KIND_PRODUCER
                && trace.descendsFrom(s, page)), "the payment's events are published in the page's trace: " + trace);
    }

    @Test
    void aSubscriptionsFirstCycleIsOneTraceThroughTheVaultAndPayments() {
        String key = Merchants.create().apiKey();
        String customer = given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON).body("{\"name\": \"Traced\"}").post("/v1/customers").then()
                .statusCode(201).extract().path("id");
        given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body("{\"customer_id\": \"" + customer + "\", \"payment_method_id\": \"pm_test_success\", \"amount\": 990,"
                        + " \"currency\": \"USD\", \"interval\": \"month\"}")
                .post("/v1/subscriptions").then().statusCode(201).body("cycles_paid", equalTo(1));
        OtlpReceiver traces = Suite.traces();
        // the POST's trace: other tests list subscriptions (GET, the same path) on the same suite
        String traceId = await().atMost(PATIENCE).until(() -> traces.withAttribute("payments-service", "url.path",
                "/v1/subscriptions").stream().filter(s -> s.kind() == SpanKind.SPAN_KIND_SERVER
                        && s.name().startsWith("POST ")).map(ReceivedSpan::traceId).findFirst(),
                Optional::isPresent).orElseThrow();
        Trace trace = await().atMost(PATIENCE).until(() -> new Trace(traces.trace(traceId)),
                t -> t.isWhole() && t.has(s -> s.service().equals("methods-service")
                        && s.kind() == SpanKind.SPAN_KIND_SERVER && s.name().equals("GET /internal/v1/customers/{id}"))
                        && t.has(s -> s.service().equals("payments-service") && s.kind() == SpanKind.SPAN_KIND_PRODUCER));
        ReceivedSpan root = trace.root();
        assertEquals("gateway", root.service(), trace.toString());
        // payments-service asks the vault for the customer and the method, then publishes the cycle's events
        ReceivedSpan create = trace.one(s -> s.service().equals("payments-service") && s.kind() == SpanKind.SPAN_KIND_SERVER
                && "/v1/subscriptions".equals(s.attributes().get("url.path")));
        assertTrue(trace.has(s -> s.service().equals("methods-service") && s.kind() == SpanKind.SPAN_KIND_SERVER
                && s.name().equals("GET /internal/v1/instruments/{ref}")
                && trace.descendsFrom(s, create)), trace.toString());
        assertTrue(trace.has(s -> s.service().equals("payments-service") && s.kind() == SpanKind.SPAN_KIND_PRODUCER
                && trace.descendsFrom(s, create)), "the cycle's events are published in the request's trace: " + trace);
    }

    @Test
    void aDisputesSubmissionIsOneTraceFromTheGatewayToTheConsumersOfItsEvent() {
        String key = Merchants.create().apiKey();
        String payment = DisputesThroughGatewayIT.pay(key, "\"payment_method_id\": \"pm_test_dispute\"", 700);
        String dispute = DisputesThroughGatewayIT.disputeOf(key, payment).getString("id");
        String path = "/v1/disputes/" + dispute + "/submit";
        given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body("{\"evidence\": {\"shipping_tracking\": \"1Z999\"}}").post(path).then().statusCode(200)
                .body("status", equalTo("under_review"));
        OtlpReceiver traces = Suite.traces();
        String traceId = await().atMost(PATIENCE).until(() -> traces.withAttribute("payments-service", "url.path", path)
                .stream().filter(s -> s.kind() == SpanKind.SPAN_KIND_SERVER).map(ReceivedSpan::traceId).findFirst(),
                Optional::isPresent).orElseThrow();
        Trace trace = await().atMost(PATIENCE).until(() -> new Trace(traces.trace(traceId)),
                t -> t.isWhole() && t.has(s -> s.service().equals("refunds-service") && s.kind() == SpanKind.SPAN_KIND_CONSUMER)
                        && t.has(s -> s.service().equals("webhooks-service") && s.kind() == SpanKind.SPAN_KIND_CONSUMER));
        ReceivedSpan root = trace.root();
        assertEquals("gateway", root.service(), trace.toString());
        assertEquals(path, root.attributes().get("url.path"), trace.toString());
        ReceivedSpan submit = trace.one(s -> s.service().equals("payments-service") && s.kind() == SpanKind.SPAN_KIND_SERVER
                && path.equals(s.attributes().get("url.path")));
        // dispute.updated goes out from the outbox in the request's trace, and both consumers apply it in it
        ReceivedSpan published = trace.one(s -> s.service().equals("payments-service")
                && s.kind() == SpanKind.SPAN_KIND_PRODUCER
                && "payments.events".equals(s.attributes().get("messaging.destination.name")));
        assertTrue(trace.descendsFrom(published, submit), trace.toString());
        for (String consumer : List.of("refunds-service", "webhooks-service")) {
            ReceivedSpan applied = trace.one(s -> s.service().equals(consumer) && s.kind() == SpanKind.SPAN_KIND_CONSUMER
                    && s.name().equals("payments.events process"));
            assertTrue(trace.descendsFrom(applied, published), consumer + " consumed what was published: " + trace);
        }
    }

    /** The spans of one trace, by id. */
    static final class Trace {
        private final List<ReceivedSpan> spans;
        private final Map<String, ReceivedSpan> byId;

        Trace(List<ReceivedSpan> spans) {
            this.spans = spans;
            this.byId = spans.stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
        }

        /** One root, and every parent a span names is in the trace. */
        boolean isWhole() {
            return spans.stream().filter(ReceivedSpan::isRoot).count() == 1
                    && spans.stream().allMatch(s -> s.isRoot() || byId.containsKey(s.parentSpanId()));
        }

        boolean has(Predicate<ReceivedSpan> which) {
            return spans.stream().anyMatch(which);
        }

        ReceivedSpan root() {
            return spans.stream().filter(ReceivedSpan::isRoot).findFirst().orElseThrow();
        }

        ReceivedSpan one(Predicate<ReceivedSpan> which) {
            List<ReceivedSpan> found = spans.stream().filter(which).toList();
            assertEquals(1, found.size(), "exactly one such span in " + this);
            return found.get(0);
        }

        ReceivedSpan parentOf(ReceivedSpan span) {
            assertFalse(span.isRoot(), span + " has a parent");
            return byId.get(span.parentSpanId());
        }

        boolean descendsFrom(ReceivedSpan span, ReceivedSpan ancestor) {
            for (ReceivedSpan s = span; !s.isRoot(); ) {
                s = byId.get(s.parentSpanId());
                if (s.spanId().equals(ancestor.spanId())) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a consumer span that applied {@code eventId} descends from this producer span. */
        boolean isConsumedAs(ReceivedSpan producer, String eventId) {
            return spans.stream().anyMatch(s -> eventId.equals(s.attributes().get("messaging.message.id"))
                    && descendsFrom(s, producer));
        }

        @Override
        public String toString() {
            List<String> lines = new ArrayList<>();
            spans.forEach(s -> lines.add(s.toString()));
            return "trace of " + spans.size() + " spans:\n  " + String.join("\n  ", lines);
        }
    }
}
