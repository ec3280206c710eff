package dev.paysuite.webhooks.adapter.in.scheduler;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.platform.testing.TestCaller;
import dev.paysuite.webhooks.testing.TestReceiver;
import dev.paysuite.webhooks.testing.TestReceiver.Received;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With both ticks off, deliveries still flow (issue 16): events made visible by the consumer start a
 * fan-out once their step commits, the fan-out claims what it wrote, and every finished attempt claims
 * the next, so nothing waits for a tick. The ticks stay as the safety net (DeliveryWorkerTest).
 */
@QuarkusTest
@TestProfile(DeliveryOnDemandTest.TicksOff.class)
class DeliveryOnDemandTest {
    /** The fan-out and delivery ticks never run: only the wake-ups can deliver anything. */
    public static class TicksOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paysuite.webhooks.fan-out.every", "off", "paysuite.webhooks.delivery.every", "off");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final TestReceiver receiver = TestReceiver.open();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "paysuite.webhooks.delivery.per-endpoint")
    int perEndpoint;

    final TestCaller merchant = TestCaller.newTestMerchant();

    @Test
    void eventsFromTheTopicReachTheEndpointWithoutAnyTickBeyondItsInFlightCap() throws Exception {
        String path = "/" + UUID.randomUUID();
        receiver.on(path, n -> 200, 200); // slow enough that the endpoint's cap is reached
        merchant.request().body(Map.of("url", receiver.url(path), "enabled_events", List.of("payment.succeeded")))
                .post("/v1/webhook_endpoints").then().statusCode(201);

        int payments = perEndpoint * 3;
        List<String> succeeded = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < payments; i++) {
                String pay = "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
                String created = evt(), done = evt();
                producer.send(new ProducerRecord<>("payments.events", pay, event(created, "payment.created", pay, 1)));
                producer.send(new ProducerRecord<>("payments.events", pay, event(done, "payment.succeeded", pay, 2)));
                succeeded.add(done);
            }
            producer.flush();
        }

        // more deliveries than the endpoint may have in flight: the later ones are claimed as attempts finish
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.at(path).size() >= payments);
        Set<String> got = receiver.at(path).stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
        assertEquals(Set.copyOf(succeeded), got);
        assertEquals(payments, receiver.at(path).stream().map(Received::answered).filter(s -> s == 200).count());
    }

    private static String evt() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    private String event(String id, String type, String pay, long sequence) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0").put("id", id).put("source", "/paysuite/test").put("type", type)
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json")
                .put("sequence", sequence).put("merchantid", merchant.merchantId()).put("livemode", false)
                .put("subject", pay);
        e.putObject("data").put("id", pay).put("object", "payment").put("amount", 1000);
        return e.toString();
    }
}
