package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Health and metrics live on each service's management interface (its port + 1000), never on the
 * public port, and the metrics a dashboard and the alert rules in deploy/observability read are
 * there with their labels: requests per route (ids folded into {@code {id}}, at the gateway too),
 * the outbox backlog and relay lag, consumer lag, dead letters, webhook delivery outcomes and
 * rate-limit refusals.
 */
@ExtendWith(Suite.Extension.class)
class ManagementInterfaceIT {

    private static Map<String, Integer> services() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway", Suite.GATEWAY_PORT);
        ports.put("payments-service", Suite.PAYMENTS_PORT);
        ports.put("refunds-a", Suite.refundsPort(0));
        ports.put("refunds-b", Suite.refundsPort(1));
        ports.put("methods-service", Suite.METHODS_PORT);
        ports.put("webhooks-service", Suite.WEBHOOKS_PORT);
        return ports;
    }

    private static String management(int port) {
        return "http://127.0.0.1:" + Suite.managementPort(port);
    }

    private static String metrics(int port) {
        return given().get(management(port) + "/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        services().forEach((name, port) -> {
            given().get(management(port) + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get(management(port) + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            given().get(management(port) + "/q/health/started").then().statusCode(200);
            assertTrue(metrics(port).contains("jvm_memory_used_bytes"), name);
            for (String path : new String[] {"/q/health/ready", "/q/metrics"}) {
                int status = given().get("http://127.0.0.1:" + port + path).statusCode();
                assertEquals(404, status, name + " does not serve " + path + " on its public port");
            }
        });
    }

    @Test
    void theMetricsDashboardsAndAlertsReadAreThere() throws Exception {
        String key = Merchants.create().apiKey();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            WebhooksThroughGatewayIT.as(key).body("{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/hooks\", \"enabled_events\": [\"payment.succeeded\"]}").post("/v1/webhook_endpoints")
                    .then().statusCode(201);
            String payment = WebhooksThroughGatewayIT.as(key)
                    .body("{\"amount\": 700, \"currency\": \"EUR\", \"payment_method_id\": \"pm_test_success\"}")
                    .post("/v1/payments").then().statusCode(201).extract().path("id");
            WebhooksThroughGatewayIT.as(key).get("/v1/payments/" + payment).then().statusCode(200);

            // per route, ids folded: at the gateway and at the service
            String gateway = metrics(Suite.GATEWAY_PORT);
            assertTrue(series(gateway, "http_server_requests_seconds_count", "uri=\"/v1/payments/{id}\""), gateway);
            assertTrue(series(gateway, "http_server_requests_seconds_count", "uri=\"/v1/payments\""), gateway);
            assertTrue(!gateway.contains(payment), "no payment id in a label");
            String payments = metrics(Suite.PAYMENTS_PORT);
            assertTrue(series(payments, "http_server_requests_seconds_count", "uri=\"/v1/payments/{id}\""), payments);
            // the outbox: backlog and relay lag
            assertTrue(series(payments, "paysuite_outbox_pending", ""), payments);
            assertTrue(series(payments, "paysuite_outbox_oldest_pending_seconds", ""), payments);
            // consumers: lag (the Kafka client's own metric) and dead letters
            await().atMost(Duration.ofSeconds(30)).until(() -> series(metrics(Suite.refundsPort(0)),
                    "kafka_consumer_fetch_manager_records_lag_max", ""));
            await().atMost(Duration.ofSeconds(30)).until(() -> series(metrics(Suite.WEBHOOKS_PORT),
                    "kafka_consumer_fetch_manager_records_lag_max", ""));
            // webhook delivery outcomes
            await().atMost(Duration.ofSeconds(30)).until(() -> series(metrics(Suite.WEBHOOKS_PORT),
                    "paysuite_webhooks_deliveries_total", "outcome=\"succeeded\""));
        } finally {
            receiver.stop(0);
        }

        // rate-limit refusals, by API
        String limited = Merchants.create(1, 60, 1).apiKey();
        int refused = 0;
        for (int i = 0; i < 3; i++) {
            refused += WebhooksThroughGatewayIT.as(limited).get("/v1/payments").statusCode() == 429 ? 1 : 0;
        }
        assertTrue(refused > 0, "a key of one request a minute is refused");
        assertTrue(series(metrics(Suite.GATEWAY_PORT), "paysuite_gateway_rate_limited_total", "api=\"v1\""));
    }

    /** Whether the Prometheus text has a sample of {@code name} whose labels contain {@code label}. */
    static boolean series(String prometheus, String name, String label) {
        // a sample may end with an exemplar (" # {trace_id=...} value timestamp") now that requests are traced
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{.*?\\})? [0-9.eE+-]+( # .*)?$");
        return line.matcher(prometheus).results().anyMatch(m -> m.group().contains(label));
    }
}
