package dev.paysuite.webhooks.adapter.in.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.platform.testing.TestCaller;
import dev.paysuite.webhooks.testing.TestReceiver;
import dev.paysuite.webhooks.testing.TestReceiver.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A measuring probe, not a check (issue 16): off unless {@code -Dprobe.webhooks.rate=<payments/s>}
 * is given (and {@code .seconds}, default 30). It produces a steady load of payments to
 * {@code payments.events} (each {@code payment.created}, {@code payment.processing},
 * {@code payment.succeeded}), one endpoint subscribed to {@code payment.succeeded}, and prints where
 * the time went per stage, from the timestamps the tables already hold: the event's own time,
 * {@code events.received_at} (consumed: recorded and, for these events, made visible in the same
 * step), {@code deliveries.created_at} (fanned out), {@code delivery_attempts.at} (claimed, attempt
 * starts) and the receiver's receipt. It asserts only that every webhook arrived, never a timing.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "probe.webhooks.rate", matches = "\\d+")
class WebhookLatencyProbeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final TestReceiver receiver = TestReceiver.open();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    AgroalDataSource dataSource;

    final TestCaller merchant = TestCaller.newTestMerchant();

    @Test
    void measureStageLagsUnderASteadyLoad() throws Exception {
        int rate = Integer.parseInt(System.getProperty("probe.webhooks.rate"));
        int seconds = Integer.parseInt(System.getProperty("probe.webhooks.seconds", "30"));
        String path = "/" + UUID.randomUUID();
        merchant.request().body(Map.of("url", receiver.url(path), "enabled_events", List.of("payment.succeeded")))
                .post("/v1/webhook_endpoints").then().statusCode(201);

        int payments = rate * seconds;
        long period = 1_000_000_000L / rate;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "0"), new StringSerializer(), new StringSerializer())) {
            // warm up (a type the load never sends): the consumer has its partitions and one webhook went the whole way before the load starts
            String warmUp = "/" + UUID.randomUUID();
            merchant.request().body(Map.of("url", receiver.url(warmUp), "enabled_events", List.of("payment.failed")))
                    .post("/v1/webhook_endpoints").then().statusCode(201);
            String first = "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            producer.send(new ProducerRecord<>("payments.events", first, event("payment.failed", first, 1)));
            await().atMost(Duration.ofSeconds(120)).until(() -> receiver.at(warmUp).size() == 1);

            long start = System.nanoTime();
            for (int i = 0; i < payments; i++) {
                long wait = start + i * period - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String pay = "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
                String[] types = {"payment.created", "payment.processing", "payment.succeeded"};
                for (int s = 0; s < types.length; s++) {
                    producer.send(new ProducerRecord<>("payments.events", pay, event(types[s], pay, s + 1)));
                }
            }
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(seconds + 300L)).pollInterval(Duration.ofSeconds(1))
                .until(() -> receiver.at(path).size() >= payments);
        List<Received> got = receiver.at(path);
        assertEquals(payments, got.stream().map(r -> r.header("webhook-id")).distinct().count());

        Map<String, Instant> receipt = new HashMap<>();
        got.forEach(r -> receipt.putIfAbsent(r.header("webhook-id"), r.at()));
        report(rate, seconds, receipt);
    }

    private String event(String type, String pay, long sequence) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0").put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""))
                .put("source", "/paysuite/probe").put("type", type).put("time", Instant.now().toString())
                .put("datacontenttype", "application/json").put("sequence", sequence)
                .put("merchantid", merchant.merchantId()).put("livemode", false).put("subject", pay);
        e.putObject("data").put("id", pay).put("object", "payment").put("amount", 1000);
        return e.toString();
    }

    /** Per payment.succeeded: the lag of each stage (ms), printed as p50 / p99 / max, early and late in the run. */
    private void report(int rate, int seconds, Map<String, Instant> receipt) throws Exception {
        record Row(String id, Instant created, Instant received, Instant fannedOut, Instant attempted, long durationMs) {
        }
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT e.id, e.created_at, e.received_at, d.created_at, a.at, a.duration_ms
                FROM events e JOIN deliveries d ON d.event_id = e.id
                JOIN delivery_attempts a ON a.delivery_id = d.id AND a.number = 1
                WHERE e.merchant_id = ? AND e.type = 'payment.succeeded' ORDER BY e.created_at""")) {
            s.setString(1, merchant.merchantId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getLong(6)));
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format("%nwebhook latency probe: %d payments/s for %d s, %d"
                + " payment.succeeded (3 events per payment on payments.events)%n", rate, seconds, rows.size()));
        Map<String, java.util.function.ToLongFunction<Row>> stages = new java.util.LinkedHashMap<>();
        stages.put("consumed (event time -> received_at)", r -> ms(r.created(), r.received()));
        stages.put("fanned out (received_at -> delivery created_at)", r -> ms(r.received(), r.fannedOut()));
        stages.put("claimed (delivery created_at -> attempt at)", r -> ms(r.fannedOut(), r.attempted()));
        stages.put("attempt duration", Row::durationMs);
        stages.put("received (attempt at -> receipt)", r -> ms(r.attempted(), receipt.get(r.id())));
        stages.put("END TO END (event time -> receipt)", r -> ms(r.created(), receipt.get(r.id())));
        int n = rows.size();
        for (var stage : stages.entrySet()) {
            out.append(String.format("  %-50s all %s | first third %s | last third %s%n", stage.getKey(),
                    percentiles(rows, stage.getValue()), percentiles(rows.subList(0, n / 3), stage.getValue()),
                    percentiles(rows.subList(n - n / 3, n), stage.getValue())));
        }
        System.out.println(out);
    }

    private static <T> String percentiles(List<T> rows, java.util.function.ToLongFunction<T> f) {
        long[] v = rows.stream().mapToLong(f).sorted().toArray();
        if (v.length == 0) {
            return "-";
        }
        return String.format("p50 %6d p99 %6d max %6d ms", v[(int) (v.length * 0.50)],
                v[Math.min(v.length - 1, (int) (v.length * 0.99))], v[v.length - 1]);
    }

    private static long ms(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }
}
