package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * refunds-service scaled to two instances in one consumer group: they share the partitions of
 * payments.events, every payment event is applied exactly once, and concurrent refunds served by
 * both never exceed what was captured.
 */
@ExtendWith(Suite.Extension.class)
class RefundsScaleOutIT {

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Suite.GATEWAY;
    }

    @Test
    void twoInstancesShareThePartitionsAndApplyEveryPaymentEventExactlyOnce() throws Exception {
        String key = Merchants.create().apiKey();
        Set<String> payments = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            payments.add(given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                    .body("{\"amount\": 100, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                    .post("/v1/payments").then().statusCode(201).extract().<String>path("id"));
        }
        Map<String, String> eventToPayment = paymentEventsOnTheTopic(payments, payments.size() * 2);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Integer> applied = appliedBy(eventToPayment.keySet());
            assertEquals(eventToPayment.keySet(), applied.keySet(), "every event applied");
        });
        Map<String, Integer> appliedTimes = appliedTimes(eventToPayment.keySet());
        assertTrue(appliedTimes.values().stream().allMatch(n -> n == 1), "no event applied twice: " + appliedTimes);
        Set<String> instances = instancesThatApplied(eventToPayment.keySet());
        assertEquals(Set.copyOf(Suite.REFUNDS_INSTANCES), instances, "both instances consumed a share");
        try (Connection c = refundsDb(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM refundable_payments WHERE payment_id = ANY(?) AND last_sequence = 2 "
                        + "AND status = 'succeeded' AND amount_captured = 100")) {
            ps.setArray(1, c.createArrayOf("varchar", payments.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(payments.size(), rs.getInt(1), "each payment seen in its latest state");
            }
        }
    }

    @Test
    void twentyConcurrentRefundsAcrossBothInstancesNeverExceedWhatWasCaptured() throws Exception {
        String key = Merchants.create().apiKey();
        String pay = given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body("{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then().statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit(() -> given().header("Authorization", "Bearer " + key)
                    .contentType(ContentType.JSON).body("{\"amount\": 150}")
                    .post("/v1/payments/" + pay + "/refunds").statusCode()));
        }
        int succeeded = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get();
            assertTrue(status == 200 || status == 422, "status " + status);
            succeeded += status == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(6, succeeded, "six refunds of 150 fit in 1000");
        try (Connection c = refundsDb(); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(sum(amount), 0), count(DISTINCT processor_reference) FROM refunds WHERE payment_id = ?")) {
            ps.setString(1, pay);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(900, rs.getLong(1));
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", "Bearer " + key)
                .get("/v1/payments/" + pay).then().body("amount_refunded", equalTo(900))
                .body("status", equalTo("partially_refunded")));
    }

    static Connection refundsDb() throws Exception {
        return DriverManager.getConnection(Suite.jdbc("refunds"), "postgres", "");
    }

    /** The ids of the payment events published for these payments, read off payments.events. */
    static Map<String, String> paymentEventsOnTheTopic(Set<String> payments, int expected) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> events = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("payments.events"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (events.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (payments.contains(r.key())) {
                        JsonNode e = json.readTree(r.value());
                        events.put(e.get("id").asText(), r.key());
                    }
                }
            }
        }
        assertEquals(expected, events.size(), "created and succeeded for each payment");
        return events;
    }

    static Map<String, Integer> appliedBy(Set<String> eventIds) throws Exception {
        return appliedTimes(eventIds);
    }

    static Map<String, Integer> appliedTimes(Set<String> eventIds) throws Exception {
        Map<String, Integer> times = new HashMap<>();
        try (Connection c = refundsDb(); PreparedStatement ps = c.prepareStatement(
                "SELECT event_id, count(*) FROM processed_events WHERE consumer = 'refunds-service:payments.events' "
                        + "AND event_id = ANY(?) GROUP BY event_id")) {
            ps.setArray(1, c.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return times;
    }

    static Set<String> instancesThatApplied(Set<String> eventIds) throws Exception {
        Set<String> instances = new HashSet<>();
        try (Connection c = refundsDb(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT processed_by FROM processed_events WHERE event_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    instances.add(rs.getString(1));
                }
            }
        }
        return instances;
    }
}
