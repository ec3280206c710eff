package dev.paysuite.payments.adapter.out.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Reads {@code payments.events} from the test broker as a consumer would: the module tests' one way to. */
public final class PaymentEventsTopic {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PaymentEventsTopic() {
    }

    /** A consumer of its own group, from the topic's start. */
    public static KafkaConsumer<String, String> consumer(String bootstrap) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(PaymentEventOutboxAdapter.TOPIC));
        return consumer;
    }

    /** The {@code expected} records keyed {@code key}, read within 30 s; fails when another count came. */
    public static List<ConsumerRecord<String, String>> readFor(KafkaConsumer<String, String> consumer, String key,
            int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (found.size() < expected && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                if (key.equals(r.key())) {
                    found.add(r);
                }
            }
        }
        assertEquals(expected, found.size(), "events for " + key);
        return found;
    }

    /** A top-level field of the record's CloudEvent, as text (null when absent). */
    public static String field(ConsumerRecord<String, String> r, String name) {
        try {
            JsonNode node = JSON.readTree(r.value()).get(name);
            return node == null ? null : node.asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
