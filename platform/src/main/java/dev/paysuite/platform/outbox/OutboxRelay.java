package dev.paysuite.platform.outbox;

import dev.paysuite.platform.outbox.BatchVerdict.Outcome;
import dev.paysuite.platform.outbox.BatchVerdict.Sent;
import dev.paysuite.platform.outbox.BatchVerdict.Verdict;
import dev.paysuite.platform.tracing.TraceContexts;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes what {@link OutboxWriter} wrote, in the order it was written, to Kafka through the
 * {@code outbox} channel, and marks it published only once the broker acknowledged it. Runs right
 * after each commit and on a timer (to catch up after a broker outage or a restart), never before
 * the application has started.
 *
 * <p><b>No transaction across the broker's round trip.</b> All the work runs on the relay's own
 * thread, which never has a JTA transaction, over one connection of its own in autocommit: read a
 * batch, send it, wait for the acknowledgements, then mark the acknowledged rows in one statement
 * (one short transaction of its own). A transaction held open while waiting for the broker is what
 * made the coordinator roll batches back under load.
 *
 * <p><b>One relay per database.</b> That connection holds a session-level advisory lock for as
 * long as this instance relays; the other instances try to take it on each round and do nothing
 * while they cannot. If the connection breaks, the database drops the lock with the session, and
 * whichever instance asks first relays next. The rows are marked over the same session, so a relay
 * that lost its session can mark nothing.
 *
 * <p><b>Order per key.</b> Records go to the emitter in id order and the emitter hands them to the
 * producer in that order; the producer is idempotent ({@code enable.idempotence=true},
 * {@code acks=all}, at most 5 requests in flight), so its retries neither duplicate nor reorder the
 * records of a partition: the broker appends them in the order sent. Past a
 * record that failed or was not answered, no later record of its key is marked ({@link
 * BatchVerdict}): they go again, after it, next round; consumers skip event ids they applied. A
 * batch is not sent again while records of an earlier attempt are still unanswered, so at most one
 * batch is in the producer at a time. A record the broker can never take is parked
 * ({@code parked_at}, {@code park_reason}), logged by event id, and counted.
 *
 * <p><b>Once on the topic.</b> An event can reach the broker without being marked: the instance
 * dies between the acknowledgement and the mark, the mark fails because the database went away, or
 * the acknowledgement is lost. So whenever it is not sure (on taking the lock, and after a round
 * that left events unanswered or failed), the relay first reads the end of the topic back ({@link
 * OutboxTail}) and marks the oldest pending events it finds there, without sending them again.
 * Every record names its event in the {@value OutboxTail#EVENT_ID_HEADER} header for this.
 *
 * <p><b>Traces.</b> Each record is sent with the trace context its writer stored ({@code traceparent},
 * {@link OutboxWriter}) as its {@link TracingMetadata}: the Kafka connector's producer span is a child
 * of the request that wrote the event, and the record's headers carry that span's context on to the
 * consumers. A record written outside any trace starts a trace of its own.
 */
@ApplicationScoped
@IfBuildProperty(name = "paysuite.outbox.enabled", stringValue = "true")
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock the relaying instance holds: "paysuite" in ASCII. */
    static final long ADVISORY_LOCK = 0x7061797375697465L;
    private static final Duration SESSION_READ_TIMEOUT = Duration.ofSeconds(30);
    private static final int REASON_LENGTH = 500;
    /** The pending gauges are counted at most this often (and on every round while the broker does not answer). */
    private static final Duration COUNT_EVERY = Duration.ofSeconds(1);

    private final AgroalDataSource dataSource;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final TransactionManager transactions;
    private final OutboxTail tail;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean triggered = new AtomicBoolean();
    private final ExecutorService relayThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final Counter relayed;
    private final Counter failures;
    private final Counter parked;
    private final Counter foundOnTopic;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();

    // Touched on the relay thread only
    private Connection session;
    /** False when this session may have sent events it did not mark: read the topic back before sending. */
    private boolean sure;
    private List<CompletableFuture<Void>> unsettled = List.of();
    private volatile Probe probe = Probe.NONE;
    private long lastCounted = System.nanoTime() - COUNT_EVERY.toNanos();

    /** What a test may watch: the moment the relay waits for the broker. */
    interface Probe {
        Probe NONE = (c, ids) -> {
        };

        /** Called on the relay thread after sending {@code ids} and before waiting for their acknowledgements. */
        void awaitingAcks(Connection session, List<Long> ids) throws Exception;
    }

    public OutboxRelay(AgroalDataSource dataSource, @Channel("outbox") MutinyEmitter<String> emitter,
            OutboxConfig config, TransactionManager transactions, OutboxTail tail, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.emitter = emitter;
        this.config = config;
        this.transactions = transactions;
        this.tail = tail;
        this.relayed = Counter.builder("paysuite.outbox.relayed")
                .description("Events the broker acknowledged and the relay marked published").register(meters);
        this.failures = Counter.builder("paysuite.outbox.relay.failures")
                .description("Relay rounds that left events to send again (broker or database trouble)")
                .register(meters);
        this.parked = Counter.builder("paysuite.outbox.parked")
                .description("Events the broker can never take, set aside").register(meters);
        this.foundOnTopic = Counter.builder("paysuite.outbox.found.on.topic")
                .description("Events found already on the broker after a fault, marked published without sending them again")
                .register(meters);
        if (meters.find("paysuite.outbox.pending").gauge() == null) { // one per process, however many relays a test makes
            Gauge.builder("paysuite.outbox.pending", pending, AtomicLong::get)
                    .description("Events not yet published, as the relaying instance last counted them")
                    .register(meters);
            // the relay lag: how long the oldest of them has waited (0 when none waits)
            Gauge.builder("paysuite.outbox.oldest.pending", oldestPendingMillis, m -> m.get() / 1000.0)
                    .baseUnit("seconds")
                    .description("Age of the oldest event not yet published, as the relaying instance last saw it")
                    .register(meters);
        }
    }

    void onStart(@Observes StartupEvent started) {
        start();
    }

    void onStop(@Observes ShutdownEvent stopping) {
        stop();
    }

    /** Lets the relay run, and runs it once for whatever was written before. */
    void start() {
        started.set(true);
        trigger();
    }

    /** Stops relaying: waits for a running round, then gives up the lock so another instance takes over. */
    void stop() {
        started.set(false);
        if (relayThread.isShutdown()) {
            return;
        }
        try {
            relayThread.submit(this::closeSession).get(config.sendTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Outbox relay did not stop cleanly: %s", e);
        }
    }

    @PreDestroy
    void shutdown() {
        stop();
        relayThread.shutdownNow();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWriter.OutboxAppended appended) {
        trigger();
    }

    /**
     * Skipped until the application runs: a tick during startup would make the bean, and with it the
     * emitter, before the messaging channels are connected.
     */
    @Scheduled(every = "${paysuite.outbox.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onTimer() {
        if (!running.get()) {
            trigger();
        }
    }

    /** Asks for one run on the relay thread; triggers that arrive while one is queued join it. */
    private void trigger() {
        if (started.get() && triggered.compareAndSet(false, true)) {
            try {
                relayThread.execute(() -> {
                    triggered.set(false);
                    try {
                        relayRounds();
                    } catch (RuntimeException loggedAndCounted) {
                        // the next trigger or the timer tries again
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                triggered.set(false);
            }
        }
    }

    /** Publishes everything pending, on the relay thread; answers how many events this call marked published. */
    public int relayPending() {
        if (!started.get()) {
            return 0;
        }
        try {
            return relayThread.submit(this::relayRounds).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            throw new IllegalStateException("The outbox relay failed", e.getCause());
        }
    }

    /** Used by tests to watch the relay; not for production code. */
    void probe(Probe probe) {
        this.probe = probe == null ? Probe.NONE : probe;
    }

    private int relayRounds() {
        if (!started.get()) {
            return 0;
        }
        running.set(true);
        try {
            if (!settled()) {
                if (session != null) {
                    countPending(); // the gauge matters most while the broker is not answering
                }
                return 0;
            }
            if (!leading()) {
                return 0;
            }
            int total = 0;
            if (!sure) {
                int marked = markWhatIsAlreadyOnTheTopic();
                if (marked < 0) {
                    return 0; // sending now could put an event on the topic twice; the next round tries again
                }
                total += marked;
                sure = true;
            }
            Round round;
            do {
                round = relayBatch();
                total += round.published();
            } while (round.whole() && round.read() == config.batchSize() && started.get());
            if (System.nanoTime() - lastCounted >= COUNT_EVERY.toNanos()) {
                countPending(); // not after every round: a busy relay runs several a second, the gauge needs one
            }
            return total;
        } catch (SQLException e) {
            failures.increment();
            LOG.warnf("Outbox relay failed, will retry: database: %s", e.getMessage());
            closeSession();
            return 0;
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf(e, "Outbox relay failed, will retry");
            closeSession();
            throw e;
        } finally {
            running.set(false);
        }
    }

    private record Round(int read, int published, boolean whole) {
    }

    private Round relayBatch() throws SQLException {
        requireNoTransaction();
        List<Long> ids = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        try (PreparedStatement select = session.prepareStatement("""
                SELECT id, event_id, topic, message_key, payload, traceparent FROM outbox
                WHERE published_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT ?""")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong("id"));
                    eventIds.add(rs.getString("event_id"));
                    keys.add(rs.getString("message_key"));
                    // Subscribing hands the record to the emitter now, so records leave in id order
                    acks.add(send(rs.getString("event_id"), rs.getString("topic"), rs.getString("message_key"), rs.getString("payload"),
                            rs.getString("traceparent")));
                }
            }
        }
        if (ids.isEmpty()) {
            return new Round(0, 0, true);
        }
        unsettled = acks;
        try {
            probe.awaitingAcks(session, List.copyOf(ids));
        } catch (Exception e) {
            throw new IllegalStateException("The relay's probe failed", e);
        }
        awaitAll(acks);

        List<Sent> sent = new ArrayList<>(ids.size());
        Throwable firstFailure = null;
        List<String> reasons = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            CompletableFuture<Void> ack = acks.get(i);
            Throwable failure = ack.isDone() ? ack.handle((ok, e) -> e).join() : null;
            Outcome outcome;
            if (!ack.isDone()) {
                outcome = Outcome.UNANSWERED;
            } else if (failure == null) {
                outcome = Outcome.ACKNOWLEDGED;
            } else if (unsendable(failure)) {
                outcome = Outcome.UNSENDABLE;
            } else {
                outcome = Outcome.FAILED;
                firstFailure = firstFailure == null ? failure : firstFailure;
            }
            reasons.add(failure == null ? null : reason(failure));
            sent.add(new Sent(ids.get(i), keys.get(i), outcome));
        }
        Verdict verdict = BatchVerdict.of(sent);
        markPublished(verdict.publish());
        for (Long id : verdict.park()) {
            int i = ids.indexOf(id);
            park(id, eventIds.get(i), reasons.get(i));
        }
        relayed.increment(verdict.publish().size());
        if (!verdict.whole()) {
            sure = false; // an unanswered or failed record may still have reached the broker
            failures.increment();
            LOG.warnf("Outbox relay failed, will retry: %d of %d events acknowledged, the rest go again in order (%s)",
                    verdict.publish().size(), ids.size(),
                    firstFailure == null ? "no answer within " + config.sendTimeout() : reason(firstFailure));
        }
        return new Round(ids.size(), verdict.publish().size(), verdict.whole());
    }

    private CompletableFuture<Void> send(String eventId, String topic, String key, String payload, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add(OutboxTail.EVENT_ID_HEADER, eventId.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(topic).withKey(key).withHeaders(headers).build();
        try {
            // Always given, so the context is the writer's and never whatever this thread has
            TracingMetadata trace = TracingMetadata.withCurrent(TraceContexts.parent(traceparent));
            return emitter.sendMessage(Message.of(payload).addMetadata(metadata).addMetadata(trace))
                    .subscribeAsCompletionStage();
        } catch (RuntimeException refused) { // the emitter's buffer is full, or the channel is down
            return CompletableFuture.failedFuture(refused);
        }
    }

    private void awaitAll(List<CompletableFuture<Void>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException someFailedOrAreLate) {
            // each record's own outcome is read next
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether every record of the last attempt has its answer; until then nothing more is sent. */
    private boolean settled() {
        return unsettled.stream().allMatch(CompletableFuture::isDone);
    }

    private static boolean unsendable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof SerializationException || t instanceof InvalidRecordException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's type and message: what the producer said, never the payload. */
    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getClass().getSimpleName() + ": " + root.getMessage();
        return reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH);
    }

    /**
     * Marks those of the oldest pending events that are already on their topic, so that they are not
     * sent twice; answers how many, or -1 when the topic could not be read (nothing is sent then).
     */
    private int markWhatIsAlreadyOnTheTopic() throws SQLException {
        Map<String, Map<String, Long>> byTopic = new HashMap<>();
        Instant oldest = Instant.now();
        try (PreparedStatement select = session.prepareStatement("""
                SELECT id, event_id, topic, created_at FROM outbox
                WHERE published_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT ?""")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byTopic.computeIfAbsent(rs.getString("topic"), t -> new HashMap<>())
                            .put(rs.getString("event_id"), rs.getLong("id"));
                    Instant created = rs.getTimestamp("created_at").toInstant();
                    oldest = created.isBefore(oldest) ? created : oldest;
                }
            }
        }
        List<Long> found = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> topic : byTopic.entrySet()) {
            try {
                for (String eventId : tail.present(topic.getKey(), topic.getValue().keySet(), oldest,
                        config.sendTimeout())) {
                    found.add(topic.getValue().get(eventId));
                }
            } catch (IllegalStateException unreadable) {
                failures.increment();
                LOG.warnf("Outbox relay failed, will retry: it must read %s back before sending again (%s)",
                        topic.getKey(), unreadable.getMessage());
                return -1;
            }
        }
        markPublished(found);
        if (!found.isEmpty()) {
            foundOnTopic.increment(found.size());
            LOG.infof("Outbox relay: %d of the %d oldest pending events were already on the broker (sent before a"
                    + " fault, never marked); marked published, not sent again", found.size(),
                    byTopic.values().stream().mapToInt(Map::size).sum());
        }
        return found.size();
    }

    private void markPublished(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement mark = session.prepareStatement(
                "UPDATE outbox SET published_at = now() WHERE id = ANY(?)")) {
            mark.setArray(1, session.createArrayOf("bigint", ids.toArray()));
            mark.executeUpdate();
        }
    }

    private void park(long id, String eventId, String reason) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement(
                "UPDATE outbox SET parked_at = now(), park_reason = ? WHERE id = ?")) {
            ps.setString(1, reason);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        parked.increment();
        LOG.errorf("Outbox relay parked event %s: the broker can never take it (%s)", eventId, reason);
    }

    private void countPending() throws SQLException {
        lastCounted = System.nanoTime();
        try (PreparedStatement ps = session.prepareStatement(
                "SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)) * 1000, 0) FROM outbox"
                        + " WHERE published_at IS NULL AND parked_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            pending.set(rs.getLong(1));
            oldestPendingMillis.set(Math.max(0, rs.getLong(2)));
        }
    }

    /**
     * Whether this instance holds the lock, taking a connection and trying for it if not. A
     * connection that did not get the lock goes back to the pool at once: it holds nothing.
     */
    private boolean leading() throws SQLException {
        if (session != null) {
            return true;
        }
        requireNoTransaction();
        Connection c = dataSource.getConnection();
        try {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            // A database link that silently drops packets (no reset) would otherwise hold the relay
            // thread until TCP gives up, minutes later: a read that waits this long fails instead.
            c.setNetworkTimeout(Runnable::run, (int) SESSION_READ_TIMEOUT.toMillis());
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, ADVISORY_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        c.close();
                        return false;
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        session = c;
        sure = false; // the instance that held the lock before may have died between sending and marking
        LOG.infof("Outbox relay: this instance relays (it holds the outbox lock of its database)");
        return true;
    }

    /**
     * Gives the lock up and the connection back. The lock must go before the connection returns to
     * the pool, or the next borrower would hold it unknowingly; if the unlock fails the session is
     * most likely gone (and the lock with it), and the pool drops connections that no longer work.
     */
    private void closeSession() {
        if (session == null) {
            return;
        }
        Connection c = session;
        session = null;
        boolean broken = false;
        try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, ADVISORY_LOCK);
            unlock.execute();
            c.setNetworkTimeout(Runnable::run, 0); // the pool's next borrower gets the connection as it was
        } catch (SQLException e) {
            broken = true;
        }
        try {
            c.close();
        } catch (SQLException e) {
            broken = true;
        }
        if (broken) {
            dataSource.flush(AgroalDataSource.FlushMode.INVALID);
        }
    }

    private void requireNoTransaction() {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                throw new IllegalStateException("The outbox relay must not run inside a transaction");
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
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
