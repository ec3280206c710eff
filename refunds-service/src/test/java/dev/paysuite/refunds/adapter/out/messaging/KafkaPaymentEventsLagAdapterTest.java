package dev.paysuite.refunds.adapter.out.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.platform.messaging.BrokerAdmin;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The lag that decides whether a refund request waits, read from the real broker for a group of the test's own. */
@QuarkusTest
class KafkaPaymentEventsLagAdapterTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void newsIsInFlightUntilTheGroupHasCommittedPastItsPartitionsEnd() throws Exception {
        String group = "lag-test-" + UUID.randomUUID();
        PaymentId payment = new PaymentId("pay_lag_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        BrokerAdmin broker = new BrokerAdmin(bootstrap);
        KafkaPaymentEventsLagAdapter lag = new KafkaPaymentEventsLagAdapter(broker, "payments.events", group);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("payments.events", payment.value(), "{}")).get();
        }
        assertTrue(lag.newsMayBeInFlight(payment), "a group that applied nothing is behind where the payment's event is");

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("payments.events"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (consumer.assignment().isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            consumer.commitSync();
        }
        assertFalse(lag.newsMayBeInFlight(payment), "caught up: nothing about the payment is on its way");
        broker.close();
    }

    @Test
    void notKnowingMeansMaybe() {
        try (BrokerAdmin broker = new BrokerAdmin("127.0.0.1:1")) {
            KafkaPaymentEventsLagAdapter nowhere = new KafkaPaymentEventsLagAdapter(broker, "payments.events", "g");
            assertTrue(nowhere.newsMayBeInFlight(new PaymentId("pay_x")));
        }
    }
}
