package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rolling restart of refunds-service (two instances behind the gateway) under steady load: each
 * instance in turn gets SIGTERM, drains and stops, and is started again, while clients keep
 * creating refunds (each with its Idempotency-Key, as the API asks) and reading them. No client sees
 * a 5xx (a request that reaches a draining instance is turned away with an empty 503 before the
 * service sees it, and the gateway sends it to the other instance; so does one whose connection is
 * refused), and every refund a client was told about exists, once.
 */
@ExtendWith(Suite.Extension.class)
class RollingRestartIT {
    private static final int CLIENTS = 4;

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Suite.GATEWAY;
    }

    @Test
    void restartingEachRefundsInstanceInTurnUnderLoadGivesNo5xxAndLosesNothing() throws Exception {
        String key = Merchants.create().apiKey();
        List<String> payments = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            payments.add(as(key).body("{\"amount\": 1000000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                    .post("/v1/payments").then().statusCode(201).extract().<String>path("id"));
        }
        // refunds-service learns of payments from payments.events: wait until each can be refunded
        for (String payment : payments) {
            await().atMost(Duration.ofSeconds(60)).until(() -> refund(key, payment).statusCode() == 200);
        }

        AtomicBoolean loading = new AtomicBoolean(true);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Set<String> created = ConcurrentHashMap.newKeySet();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (String payment : payments) {
            running.add(clients.submit(() -> {
                while (loading.get()) {
                    Response r = refund(key, payment);
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    if (r.statusCode() == 200) {
                        String id = r.path("id");
                        created.add(id);
                        Response read = as(key).get("/v1/refunds/" + id);
                        statuses.merge(read.statusCode(), 1, Integer::sum);
                        if (read.statusCode() != 200) {
                            failures.add("GET " + id + ": " + read.statusCode() + " " + read.asString());
                        }
                    } else {
                        failures.add("POST refund: " + r.statusCode() + " " + r.asString());
                    }
                }
                return null;
            }));
        }

        Suite suite = Suite.running();
        for (String instance : Suite.REFUNDS_INSTANCES) {
            Thread.sleep(3000);
            int before = created.size();
            Process process = suite.process(instance);
            process.destroy(); // SIGTERM, as Kubernetes sends it
            assertTrue(process.waitFor(40, TimeUnit.SECONDS), instance + " stops within its grace period");
            suite.restart(instance);
            assertTrue(created.size() > before, "the load went on while " + instance + " restarted");
        }
        Thread.sleep(3000);
        loading.set(false);
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        Map<Integer, Integer> seen = new TreeMap<>(statuses);
        assertTrue(failures.isEmpty(), "every request succeeded: " + seen + " " + failures.subList(0, Math.min(5, failures.size())));
        assertTrue(created.size() > 20, "a steady load: " + seen);
        // every refund a client was told about is stored once, and there are no others
        try (Connection c = RefundsScaleOutIT.refundsDb(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM refunds WHERE payment_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", payments.toArray()));
            List<String> stored = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            // the first refund of each payment was made by the wait above, outside the load
            assertEquals(created.size() + payments.size(), stored.size(), "stored once each");
            assertTrue(stored.containsAll(created), "every refund a client was told about is stored");
        }
    }

    private static Response refund(String key, String payment) {
        return as(key).header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"amount\": 1}")
                .post("/v1/payments/" + payment + "/refunds");
    }

    private static io.restassured.specification.RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }
}
