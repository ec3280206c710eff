package dev.paysuite.refunds.adapter.out.messaging;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.platform.messaging.BrokerAdmin;
import dev.paysuite.refunds.application.port.out.PaymentEventsLagPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells whether the view is behind in the partition of payments.events that carries a payment's
 * events (they are keyed by payment id, so one partition holds them all): the topic's end offset
 * there against what this service's consumer group has committed (the channel commits within
 * 100 ms of applying an event). Asks the broker with a short timeout; not knowing means "maybe".
 */
@ApplicationScoped
public class KafkaPaymentEventsLagAdapter implements PaymentEventsLagPort {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final long PARTITIONS_KNOWN_FOR_NANOS = Duration.ofMinutes(1).toNanos();

    private final BrokerAdmin broker;
    private final String topic;
    private final String group;
    private volatile int partitions;
    private volatile long partitionsKnownAt;

    @Inject
    public KafkaPaymentEventsLagAdapter(BrokerAdmin broker,
            @ConfigProperty(name = "mp.messaging.incoming.payments-events.topic") String topic,
            @ConfigProperty(name = "mp.messaging.incoming.payments-events.group.id") String group) {
        this.broker = broker;
        this.topic = topic;
        this.group = group;
    }

    @Override
    public boolean newsMayBeInFlight(PaymentId paymentId) {
        try {
            TopicPartition partition = new TopicPartition(topic, partitionOf(paymentId));
            long end = broker.client().listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
            OffsetAndMetadata committed = broker.client().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(partition);
            return (committed == null ? 0 : committed.offset()) < end;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (Exception unknown) {
            return true;
        }
    }

    /** The partition the producer's default partitioner puts the payment's key in. */
    private int partitionOf(PaymentId paymentId) throws Exception {
        long now = System.nanoTime();
        if (partitions == 0 || now - partitionsKnownAt > PARTITIONS_KNOWN_FOR_NANOS) {
            partitions = broker.client().describeTopics(java.util.List.of(topic)).topicNameValues().get(topic)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).partitions().size();
            partitionsKnownAt = now;
        }
        byte[] key = paymentId.value().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }
}
