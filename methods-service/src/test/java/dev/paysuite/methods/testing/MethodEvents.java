package dev.paysuite.methods.testing;

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

/** Reads {@code methods.events} from the start, for the events of one merchant. */
public final class MethodEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MethodEvents() {
    }

    /** Waits up to 20 s for {@code count} events of the merchant; answers them in topic order (per key). */
    public static List<JsonNode> of(String bootstrap, String merchantId, int count) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "methods-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("methods.events"));
            Instant deadline = Instant.now().plusSeconds(20);
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    JsonNode event = JSON.readTree(r.value());
                    if (merchantId.equals(event.path("merchantid").asText())) {
                        found.add(event);
                    }
                }
            }
        }
        return found;
    }
}
