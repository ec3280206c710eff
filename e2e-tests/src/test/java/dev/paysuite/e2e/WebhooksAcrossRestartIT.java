package dev.paysuite.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The delivery schedule survives a crash: webhooks-service is killed (SIGKILL) while its deliveries
 * wait for their next attempt, the receiver recovers meanwhile, and after a restart every event
 * arrives, signed, and is answered 2xx exactly once.
 */
@ExtendWith(Suite.Extension.class)
class WebhooksAcrossRestartIT {

    @Test
    void aKilledWebhooksServiceResumesItsScheduleAndDeliversEachEventOnce() throws Exception {
        AtomicBoolean failing = new AtomicBoolean(true);
        Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        Map<String, String> bodies = new ConcurrentHashMap<>();
        Map<String, Map<String, List<String>>> headers = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (failing.get()) {
                refused.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
            } else {
                accepted.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                bodies.put(id, body);
                headers.put(id, WebhooksThroughGatewayIT.lowerCased(exchange.getRequestHeaders()));
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        receiver.start();
        Suite suite = Suite.running();
        try {
            String key = Merchants.create().apiKey();
            String secret = WebhooksThroughGatewayIT.as(key).body("{\"url\": \"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hooks\", \"enabled_events\": [\"payment.created\","
                    + " \"payment.succeeded\"]}").post("/v1/webhook_endpoints").then().statusCode(201)
                    .body("secret", startsWith("whsec_")).extract().path("secret");
            String payment = WebhooksThroughGatewayIT.as(key).body(
                    "{\"amount\": 2500, \"currency\": \"EUR\", \"payment_method_id\": \"pm_test_success\"}")
                    .post("/v1/payments").then().statusCode(201).body("status", equalTo("succeeded"))
                    .extract().path("id");

            // both events were attempted once and refused: their deliveries now wait for a retry
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (refused.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (refused.size() < 2) {
                // say where the events stopped: not consumed or not visible (the Events API), or not attempted
                String events = WebhooksThroughGatewayIT.as(key).get("/v1/events?limit=10").asString();
                String endpoints = WebhooksThroughGatewayIT.as(key).get("/v1/webhook_endpoints").asString();
                throw new AssertionError("the two events were not both attempted within 90 s; refused: " + refused
                        + "; events: " + events + "; endpoints: " + endpoints);
            }
            Process webhooks = suite.process("webhooks-service");
            webhooks.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye
            assertTrue(webhooks.waitFor(30, TimeUnit.SECONDS));
            failing.set(false);
            suite.restart("webhooks-service");

            // a delivery whose attempt was cut short waits out its claim (timeout + margin) first
            await().atMost(Duration.ofSeconds(120)).until(() -> accepted.size() == 2);
            Thread.sleep(8000); // past the next retry: a delivery that succeeded is never sent again
            assertEquals(Set.copyOf(refused.keySet()), Set.copyOf(accepted.keySet()), "every refused event arrived");
            accepted.forEach((id, n) -> assertEquals(1, n.get(), "answered 2xx once: " + id));
            Webhook verifier = new Webhook(secret);
            for (String id : accepted.keySet()) {
                verifier.verify(bodies.get(id), headers.get(id));
                assertTrue(bodies.get(id).contains(payment), bodies.get(id));
            }
            // the delivery log: one success per event, and the refusals it recorded before the crash (an
            // attempt the kill cut short before it was recorded is not there: its claim ran out, and it
            // was attempted again)
            String endpoint = WebhooksThroughGatewayIT.as(key).get("/v1/webhook_endpoints").then().statusCode(200)
                    .extract().path("data[0].id");
            List<Integer> statuses = WebhooksThroughGatewayIT.as(key).get("/v1/webhook_endpoints/" + endpoint
                    + "/attempts?limit=100").then().statusCode(200).extract().path("data.status_code");
            assertEquals(2, statuses.stream().filter(s -> s != null && s == 200).count(), statuses.toString());
            int refusals = refused.values().stream().mapToInt(AtomicInteger::get).sum();
            assertTrue(statuses.stream().filter(s -> s != null && s == 503).count() <= refusals, statuses.toString());
            assertEquals(statuses.size() - 2, statuses.stream().filter(s -> s != null && s == 503).count(),
                    "nothing but the refusals and the successes: " + statuses);
        } finally {
            receiver.stop(0);
        }
    }
}
