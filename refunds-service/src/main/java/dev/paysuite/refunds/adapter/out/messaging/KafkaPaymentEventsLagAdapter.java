package dev.paysuite.refunds.adapter.out.messaging;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.refunds.application.port.out.PaymentEventsLagPort;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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

    private final String topic;
    private final String group;
    private final String bootstrap;
    private volatile Admin admin;
    private volatile int partitions;
    private volatile long partitionsKnownAt;

    @Inject
    public KafkaPaymentEventsLagAdapter(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "mp.messaging.incoming.payments-events.topic") String topic,
            @ConfigProperty(name = "mp.messaging.incoming.payments-events.group.id") String group) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.group = group;
    }

    @Override
    public boolean newsMayBeInFlight(PaymentId paymentId) {
        try {
            TopicPartition partition = new TopicPartition(topic, partitionOf(paymentId));
            long end = admin().listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
            OffsetAndMetadata committed = admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
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
            partitions = admin().describeTopics(java.util.List.of(topic)).topicNameValues().get(topic)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).partitions().size();
            partitionsKnownAt = now;
        }
        byte[] key = paymentId.value().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                            AdminClientConfig.CLIENT_ID_CONFIG, "refunds-service-lag",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() * 2));
                }
                current = admin;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(TIMEOUT);
        }
    }
}
