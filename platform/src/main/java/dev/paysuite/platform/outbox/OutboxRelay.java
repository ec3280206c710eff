package dev.paysuite.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes what {@link OutboxWriter} wrote, in the order it was written, to Kafka through the
 * {@code outbox} channel, and marks it published only once the broker acknowledged it. Runs right
 * after each commit and on a timer (to catch up after a broker outage or a restart).
 *
 * <p>One relay at a time per database (a transaction-scoped advisory lock), so that every
 * aggregate's events reach its partition in order however many instances run. If the broker does
 * not acknowledge, the transaction rolls back and the batch is sent again later: consumers see an
 * event at least once and skip it by its id if they saw it before.
 */
@ApplicationScoped
@IfBuildProperty(name = "paysuite.outbox.enabled", stringValue = "true")
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x7061797375697465L; // "paysuite"

    private final AgroalDataSource dataSource;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean triggered = new AtomicBoolean();
    private final ExecutorService trigger = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });

    public OutboxRelay(AgroalDataSource dataSource, @Channel("outbox") MutinyEmitter<String> emitter,
            OutboxConfig config) {
        this.dataSource = dataSource;
        this.emitter = emitter;
        this.config = config;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWriter.OutboxAppended appended) {
        if (triggered.compareAndSet(false, true)) {
            trigger.execute(() -> {
                triggered.set(false);
                relayPending();
            });
        }
    }

    @Scheduled(every = "${paysuite.outbox.poll-interval:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        relayPending();
    }

    /** Publishes everything pending; answers how many events went out. */
    public int relayPending() {
        running.lock();
        try {
            int total = 0;
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
                total += sent;
            } while (sent == config.batchSize());
            return total;
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay stopped, will retry: %s", e.getMessage());
            return 0;
        } finally {
            running.unlock();
        }
    }

    private int relayBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, ADVISORY_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return 0; // another instance is relaying
                    }
                }
            }
            List<Long> ids = new ArrayList<>();
            List<Uni<Void>> acks = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT id, topic, message_key, payload FROM outbox
                    WHERE published_at IS NULL ORDER BY id LIMIT ?""")) {
                select.setInt(1, config.batchSize());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong("id"));
                        acks.add(send(rs.getString("topic"), rs.getString("message_key"), rs.getString("payload")));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            Uni.join().all(acks).andFailFast().await().atMost(config.sendTimeout());
            try (PreparedStatement mark = c.prepareStatement(
                    "UPDATE outbox SET published_at = now() WHERE id = ANY(?)")) {
                Array array = c.createArrayOf("bigint", ids.toArray());
                mark.setArray(1, array);
                mark.executeUpdate();
            }
            return ids.size();
        }
    }

    private Uni<Void> send(String topic, String key, String payload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(topic).withKey(key).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(payload).addMetadata(metadata));
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM outbox WHERE published_at < now() - make_interval(secs => ?)")) {
                ps.setLong(1, config.retention().toSeconds());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not purge the outbox", e);
            }
        });
    }
}
