package dev.paysuite.payments.faults;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.platform.testing.TcpProxy;
import dev.paysuite.platform.testing.TestCaller;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The broker stopped, as payments-service sees it: its every connection to the broker goes through
 * a {@link TcpProxy} that the test cuts (everyone else keeps the broker). The API stays ready and
 * live and keeps taking payments; the broker's state shows in the wellness check and the gauge; once
 * the broker is back, what was committed meanwhile reaches payments.events.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.BehindAProxy.class)
class BrokerOutageTest {

    /** payments-service's broker connections go through the proxy; the broker is checked every second. */
    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paysuite.broker-health.interval", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(BrokerProxy.class));
        }
    }

    public static class BrokerProxy implements QuarkusTestResourceLifecycleManager {
        static TcpProxy proxy;

        @Override
        public Map<String, String> start() {
            proxy = TcpProxy.toBroker();
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + proxy.port());
        }

        @Override
        public void stop() {
            proxy.close();
        }
    }

    @AfterEach
    void brokerBack() {
        BrokerProxy.proxy.restore();
    }

    @Test
    void withTheBrokerGoneTheApiStaysReadyAndTakesPaymentsWhichArePublishedOnceItIsBack() {
        TestCaller merchant = TestCaller.newTestMerchant();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> brokerIs("UP"));
        given().get("/q/metrics").then().body(containsString("paysuite_broker_up 1.0"));

        BrokerProxy.proxy.cut();
        Instant cut = Instant.now();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> brokerIs("DOWN"));
        given().get("/q/metrics").then().body(containsString("paysuite_broker_up 0.0"));

        String id = merchant.request()
                .body("{\"amount\": 1500, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then().statusCode(201).body("status", equalTo("succeeded"))
                .extract().path("id");
        merchant.request().get("/v1/payments/" + id).then().statusCode(200);
        // Held down past the time Kafka clients take to give up on a request, then asked again
        await().pollDelay(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            brokerIs("DOWN");
        });
        System.out.printf("BrokerOutageTest: broker cut off for %d s%n", Duration.between(cut, Instant.now()).toSeconds());

        BrokerProxy.proxy.restore();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> brokerIs("UP"));
        assertEquals(List.of("payment.created", "payment.succeeded"), publishedTypesOf(id, 2));
    }

    private static void brokerIs(String status) {
        given().get("/q/health/well").then()
                .body("checks.find { it.name == 'Kafka broker' }.status", equalTo(status))
                .body("checks.name", hasItem("Kafka broker"));
    }

    private static String typeOf(String event) {
        try {
            return new ObjectMapper().readTree(event).get("type").asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("not an event: " + e.getMessage());
        }
    }

    /** Read straight from the broker, not through the proxy. */
    private static List<String> publishedTypesOf(String paymentId, int expected) {
        String bootstrap = "127.0.0.1:" + TcpProxy.brokerPort();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("payments.events"));
            List<String> types = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(90);
            while (types.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (paymentId.equals(r.key())) {
                        types.add(typeOf(r.value()));
                    }
                }
            }
            return types;
        }
    }
}
