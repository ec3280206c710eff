package dev.paysuite.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads back the end of a topic to tell which of some events are already on it. The relay asks this
 * before sending events again that an earlier attempt may have put on the broker without the
 * outbox learning it: the instance was killed between the broker's acknowledgement and the mark,
 * the mark failed because the database went away, or the acknowledgement never came. Without it
 * such events would be on the topic twice.
 *
 * <p>An event's record cannot be older than the event: the producer stamps it when it is sent
 * ({@code CreateTime}), and the event was written before. So only the records from the oldest
 * event's time on are read (less {@link #CLOCK_SKEW}, for instances whose clocks differ), and never
 * more than {@link #MAX_RECORDS_PER_PARTITION} per partition: past that the relay falls back to
 * sending again, which the consumers' inboxes absorb. Each record names its event in the {@link
 * #EVENT_ID_HEADER} header; records sent before that header existed are matched by the {@code id} of
 * their CloudEvents payload.
 */
@ApplicationScoped
@IfBuildProperty(name = "paysuite.outbox.enabled", stringValue = "true")
public class OutboxTail {
    /** The header naming the outbox event a record carries. */
    public static final String EVENT_ID_HEADER = "paysuite-event-id";
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    static final long MAX_RECORDS_PER_PARTITION = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> consumer;

    /** The application's Kafka settings ({@code kafka.*}), aimed where the outbox channel sends. */
    @Inject
    public OutboxTail(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.outgoing.outbox.bootstrap.servers") Optional<String> outboxBroker) {
        this(withBroker(kafka, outboxBroker));
    }

    OutboxTail(Map<String, Object> settings) {
        Map<String, Object> c = new HashMap<>();
        // only what a consumer understands: the shared kafka.* settings may hold producer ones too
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            if (ConsumerConfig.configNames().contains(e.getKey()) || e.getKey().startsWith("ssl.")
                    || e.getKey().startsWith("sasl.") || e.getKey().startsWith("security.")) {
                c.put(e.getKey(), e.getValue());
            }
        }
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "outbox-tail");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        this.consumer = Map.copyOf(c);
    }

    private static Map<String, Object> withBroker(Map<String, Object> kafka, Optional<String> broker) {
        Map<String, Object> settings = new HashMap<>(kafka);
        broker.ifPresent(b -> settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, b));
        return settings;
    }

    /**
     * Which of {@code eventIds} are on {@code topic} in a record sent at or after {@code since}.
     *
     * @throws IllegalStateException when the broker does not answer within {@code timeout} (each
     *     request, and the reading): then nothing is known
     */
    public Set<String> present(String topic, Set<String> eventIds, Instant since, Duration timeout) {
        Set<String> found = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumer, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : c.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            Map<TopicPartition, Long> end = c.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> beginning = c.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> from = new HashMap<>();
            long millis = since.minus(CLOCK_SKEW).toEpochMilli();
            partitions.forEach(tp -> from.put(tp, Math.max(0, millis)));
            Map<TopicPartition, OffsetAndTimestamp> atTime = c.offsetsForTimes(from, timeout);
            Map<TopicPartition, Long> start = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp at = atTime.get(tp);
                long offset = at == null ? end.get(tp) : at.offset();
                offset = Math.max(offset, Math.max(beginning.get(tp), end.get(tp) - MAX_RECORDS_PER_PARTITION));
                if (offset < end.get(tp)) {
                    start.put(tp, offset);
                }
            }
            if (start.isEmpty()) {
                return found;
            }
            c.assign(start.keySet());
            start.forEach(c::seek);
            Instant deadline = Instant.now().plus(timeout);
            while (start.keySet().stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + topic + " back within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    String id = eventId(r);
                    if (id != null && eventIds.contains(id)) {
                        found.add(id);
                    }
                }
            }
            return found;
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new IllegalStateException("Could not read " + topic + " back: " + e.getMessage(), e);
        }
    }

    private static String eventId(ConsumerRecord<byte[], byte[]> r) {
        Header header = r.headers().lastHeader(EVENT_ID_HEADER);
        if (header != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        if (r.value() == null) {
            return null;
        }
        try {
            JsonNode id = JSON.readTree(r.value()).get("id");
            return id == null ? null : id.asText();
        } catch (IOException notJson) {
            return null;
        }
    }
}
