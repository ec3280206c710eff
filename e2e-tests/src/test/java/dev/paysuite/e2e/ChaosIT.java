package dev.paysuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.paysuite.platform.testing.TcpProxy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fault-injection harness (issue 16, point 4). While a steady open-model load runs through the
 * gateway ({@link ChaosLoad}: payments, re-sends with the same Idempotency-Key, partial refunds), it
 * kills services with SIGKILL and restarts them, kills one of the two refunds-service instances
 * while refunds flow, restarts the broker in place, and cuts one service off from the broker and
 * then from its database ({@link TcpProxy}, the faults fixture: the service is relaunched with its
 * broker and JDBC connections through proxies, and put back as the suite started it at the end).
 * Then, once everything settled (bounded polls, no timing asserted), it prints and checks:
 * <ol>
 * <li>every payment and refund a client got a 2xx for exists (read through the gateway);</li>
 * <li>no Idempotency-Key produced two objects (the same key always answered the same id; in the
 * databases, the harness merchant's objects are exactly those answered);</li>
 * <li>every payment's events are on payments.events exactly once, numbered 1..n with no gap, n its
 * last sequence;</li>
 * <li>every payment's amount_refunded is the sum of its succeeded refunds;</li>
 * <li>every event reached the merchant's webhook endpoint at least once, and webhooks-service recorded
 * it delivered exactly once.</li>
 * </ol>
 * Short by default (about three minutes: each fault kind once, 10 s cuts); {@code
 * -Dpaysuite.chaos.full=true} kills every service in turn and cuts for 30 s.
 */
@ExtendWith(Suite.Extension.class)
class ChaosIT {
    private static final boolean FULL = Boolean.getBoolean("paysuite.chaos.full");
    private static final double RATE = Double.parseDouble(System.getProperty("paysuite.chaos.rate", "15"));
    private static final Duration CUT = FULL ? Duration.ofSeconds(30) : Duration.ofSeconds(10);
    private static final Duration BETWEEN = FULL ? Duration.ofSeconds(10) : Duration.ofSeconds(4);
    private static final Duration SETTLE = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> timeline = new ArrayList<>();
    private final long started = System.nanoTime();

    @Test
    void underKillsBrokerRestartsAndPartitionsNothingIsLostOrDoneTwice() throws Exception {
        Suite suite = Suite.running();
        Merchants.Merchant merchant = Merchants.create();
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            received.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String endpoint = WebhooksThroughGatewayIT.as(merchant.apiKey()).body("{\"url\": \"http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hooks\", \"enabled_events\": [\"*\"]}")
                .post("/v1/webhook_endpoints").then().statusCode(201).extract().path("id");

        TcpProxy toBroker = null;
        TcpProxy toDatabase = null;
        ChaosLoad load = new ChaosLoad(merchant.apiKey(), RATE);
        try {
            load.start();
            note("load started: " + RATE + " requests/s through the gateway, merchant " + merchant.id()
                    + (FULL ? " (full run)" : " (short run)"));
            pause(BETWEEN);

            List<String> kills = FULL ? List.of("payments-service", "refunds-a", "methods-service", "webhooks-service",
                    "gateway") : List.of("payments-service");
            for (String name : kills) {
                kill(suite, name, load);
            }
            // one of the two refunds-service instances, while refunds flow through the other
            kill(suite, "refunds-b", load);

            note("broker: stopping");
            suite.restartBroker();
            note("broker: listening again");
            pause(BETWEEN);

            // payments-service relaunched with its broker and database connections through proxies
            toBroker = TcpProxy.toBroker();
            toDatabase = TcpProxy.toPostgres();
            restartWith(suite, "payments-service", List.of(
                    "-Dkafka.bootstrap.servers=127.0.0.1:" + toBroker.port(),
                    "-Dquarkus.datasource.jdbc.url=" + toDatabase.jdbcUrl("paysuite_payments_e2e")));
            note("payments-service relaunched behind proxies (broker " + toBroker.port() + ", PostgreSQL "
                    + toDatabase.port() + ")");
            pause(BETWEEN);
            partition("payments-service <-> broker", toBroker, load);
            pause(BETWEEN);
            partition("payments-service <-> PostgreSQL", toDatabase, load);
            pause(BETWEEN);
        } finally {
            try {
                load.stop();
                note("load stopped");
                if (!suite.asStarted("payments-service")) {
                    restartWith(suite, "payments-service", List.of());
                    note("payments-service put back as the suite started it");
                }
            } finally {
                if (toBroker != null) {
                    toBroker.close();
                }
                if (toDatabase != null) {
                    toDatabase.close();
                }
                restoreEveryProcess(suite);
            }
        }

        try {
            boolean answered = load.awaitAnswered(SETTLE);
            note("every request answered: " + answered + "; " + load.summary());
            check(merchant, endpoint, load, received);
        } finally {
            load.close();
            receiver.stop(0);
        }
    }

    /** SIGKILL, then a restart as the suite started it; the load goes on throughout. */
    private void kill(Suite suite, String name, ChaosLoad load) throws Exception {
        Process process = suite.process(name);
        long before = System.nanoTime();
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), name + " died");
        note("kill -9 " + name);
        restart(suite, name);
        note(name + " restarted (payments answered meanwhile: " + load.answeredSince(before) + ")");
        pause(BETWEEN);
    }

    /**
     * {@link Suite#restart}, tried again when the process exits while starting: on a busy shared
     * machine a service may find PostgreSQL out of connections for a moment.
     */
    private void restart(Suite suite, String name) throws IOException, InterruptedException {
        patiently(suite, name, () -> suite.restart(name));
    }

    private void restartWith(Suite suite, String name, List<String> extra) throws IOException, InterruptedException {
        patiently(suite, name, () -> suite.restartWith(name, extra));
    }

    private interface Start {
        void run() throws IOException, InterruptedException;
    }

    private void patiently(Suite suite, String name, Start start) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                start.run();
                return;
            } catch (IllegalStateException notReady) {
                if (attempt == 3) {
                    throw notReady;
                }
                if (suite.process(name).isAlive()) {
                    // still starting after 180 s: a loaded machine; wait once more rather than fail
                    note(name + " not ready yet (" + notReady.getMessage() + "); waiting on");
                    try {
                        suite.awaitReady(name);
                        return;
                    } catch (IllegalStateException stillNot) {
                        if (suite.process(name).isAlive()) {
                            throw stillNot;
                        }
                    }
                }
                note(name + " exited while starting; starting it again");
                Thread.sleep(5000);
            }
        }
    }

    private void partition(String what, TcpProxy proxy, ChaosLoad load) throws InterruptedException {
        long before = System.nanoTime();
        proxy.cut();
        note("cut " + what + " for " + CUT.toSeconds() + " s");
        Thread.sleep(CUT.toMillis());
        proxy.restore();
        note("restored " + what + " (payments answered meanwhile: " + load.answeredSince(before) + ")");
    }

    /** Whatever happened, every process runs again as the suite started it (the next ITs share it). */
    private void restoreEveryProcess(Suite suite) throws IOException, InterruptedException {
        for (String name : suite.names()) {
            if (!suite.process(name).isAlive()) {
                restart(suite, name);
            }
            if (!suite.asStarted(name)) {
                restartWith(suite, name, List.of());
            }
        }
    }

    // ---------------------------------------------------------------- checks

    private void check(Merchants.Merchant merchant, String endpoint, ChaosLoad load,
            Map<String, AtomicInteger> received) throws Exception {
        Set<String> payments = new HashSet<>(load.paymentKeys.values());
        Set<String> refunds = new HashSet<>(load.refundKeys.values());

        // settle: every payment's outbox relayed, no refund pending, amounts applied, every delivery done
        Snapshot last = null;
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            last = snapshot(merchant.id(), endpoint);
            if (last.settled()) {
                break;
            }
            Thread.sleep(1000);
        }
        note("settled: " + (last != null && last.settled()) + " (unpublished " + last.unpublished + ", pending refunds "
                + last.pendingRefunds + ", amounts off " + last.amountsOff.size() + ", deliveries pending "
                + last.pendingDeliveries + ", events not fanned out " + last.notFannedOut + ")");

        // 1. every object a client got a 2xx for exists, read through the gateway
        List<String> missing = missingThroughGateway(merchant.apiKey(), payments, refunds);
        // 2. one object per key
        Set<String> storedPayments = ids("payments", "SELECT id FROM payments WHERE merchant_id = ?", merchant.id());
        Set<String> storedRefunds = ids("refunds", "SELECT id FROM refunds WHERE merchant_id = ?", merchant.id());
        Map<String, List<String>> paymentKeysOf = keysOf("payments", merchant.id());
        Map<String, List<String>> refundKeysOf = keysOf("refunds", merchant.id());
        List<String> keyFaults = new ArrayList<>();
        keyFaults.addAll(keyFaults(storedPayments, paymentKeysOf, load.paymentKeys));
        keyFaults.addAll(keyFaults(storedRefunds, refundKeysOf, load.refundKeys));
        // 3. payments.events: exactly once each, 1..n with no gap
        Map<String, Long> lastSequence = new HashMap<>();
        try (Connection c = db("payments"); PreparedStatement ps = c.prepareStatement(
                "SELECT id, event_sequence FROM payments WHERE merchant_id = ?")) {
            ps.setString(1, merchant.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lastSequence.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        EventsOnTopic topic = paymentEventsOnTheTopic(lastSequence.keySet());
        List<String> sequenceFaults = new ArrayList<>();
        for (Map.Entry<String, Long> p : lastSequence.entrySet()) {
            Map<Long, Set<String>> bySequence = topic.sequences.getOrDefault(p.getKey(), Map.of());
            for (long s = 1; s <= p.getValue(); s++) {
                Set<String> ids = bySequence.getOrDefault(s, Set.of());
                if (ids.size() != 1) {
                    sequenceFaults.add(p.getKey() + " #" + s + ": " + ids);
                }
            }
            if (bySequence.keySet().stream().anyMatch(s -> s < 1 || s > p.getValue())) {
                sequenceFaults.add(p.getKey() + ": sequences " + bySequence.keySet() + " beyond 1.." + p.getValue());
            }
        }
        // 5. webhooks: every visible event of the merchant received, recorded delivered once
        Set<String> events = ids("webhooks", "SELECT id FROM events WHERE merchant_id = ? AND position IS NOT NULL",
                merchant.id());
        Set<String> notReceived = events.stream().filter(e -> !received.containsKey(e)).collect(Collectors.toSet());
        Set<String> paymentEventsNotInWebhooks = topic.eventIds.stream().filter(e -> !events.contains(e))
                .collect(Collectors.toSet());
        List<String> deliveryFaults = deliveryFaults(endpoint, events);
        long receivedTwice = received.values().stream().filter(n -> n.get() > 1).count();

        String report = String.join("\n", List.of(
                "=== chaos harness (" + (FULL ? "full" : "short") + ") ===",
                String.join("\n", timeline),
                "load: " + load.summary(),
                "key conflicts (a key answered two ids): " + load.keyConflicts.size(),
                "refused (definitive 4xx), by answer: " + load.refused.values().stream()
                        .collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting())),
                "1. payments answered 2xx " + payments.size() + ", refunds answered 2xx " + refunds.size()
                        + "; missing through the gateway " + missing.size(),
                "2. payment keys answered " + load.paymentKeys.size() + " -> payments stored " + storedPayments.size()
                        + "; refund keys answered " + load.refundKeys.size() + " -> refunds stored "
                        + storedRefunds.size() + "; keys abandoned by their client " + load.abandoned.size()
                        + "; objects per key in the services' idempotency records: faults " + keyFaults.size(),
                "3. payments.events: " + topic.records + " records of the merchant's payments, " + topic.eventIds.size()
                        + " distinct events, duplicates " + topic.duplicates.size() + ", sequence faults "
                        + sequenceFaults.size() + " (over " + lastSequence.size() + " payments, "
                        + lastSequence.values().stream().mapToLong(Long::longValue).sum() + " events expected)",
                "4. refunded amounts: payments off " + last.amountsOff.size() + ", refunds pending "
                        + last.pendingRefunds + ", succeeded refunds " + last.succeededRefunds,
                "5. webhooks: events of the merchant " + events.size() + ", received " + received.size()
                        + " (more than once: " + receivedTwice + "), not received " + notReceived.size()
                        + ", payment events not in webhooks-service " + paymentEventsNotInWebhooks.size()
                        + ", delivery record faults " + deliveryFaults.size()));
        System.out.println(report);
        Path logs = Suite.ROOT.resolve("e2e-tests/target/e2e-logs");
        Files.createDirectories(logs);
        Files.writeString(logs.resolve("chaos-summary.txt"), report + "\n");

        assertTrue(missing.isEmpty(), "1. every answered object exists: " + first(missing));
        assertTrue(load.keyConflicts.isEmpty(), "2. a key answers one object: " + first(load.keyConflicts));
        assertTrue(keyFaults.isEmpty(), "2. each stored object made by one key, the one that answered it: "
                + first(keyFaults));
        assertTrue(storedPayments.containsAll(payments) && storedRefunds.containsAll(refunds),
                "2. every answered object stored");
        assertTrue(topic.duplicates.isEmpty(), "3. each event once on payments.events: " + first(topic.duplicates));
        assertTrue(sequenceFaults.isEmpty(), "3. 1..n with no gap: " + first(sequenceFaults));
        assertEquals(0, last.pendingRefunds, "4. no refund left pending");
        assertTrue(last.amountsOff.isEmpty(), "4. amount_refunded = sum of succeeded refunds: " + first(last.amountsOff));
        assertTrue(paymentEventsNotInWebhooks.isEmpty(), "5. every payment event reached webhooks-service: "
                + first(paymentEventsNotInWebhooks));
        assertTrue(notReceived.isEmpty(), "5. every event reached the endpoint: " + first(notReceived));
        assertTrue(deliveryFaults.isEmpty(), "5. recorded delivered once: " + first(deliveryFaults));
    }

    /** Object id → the Idempotency-Keys whose stored 2xx answer made it, in {@code service}'s database. */
    private static Map<String, List<String>> keysOf(String service, String merchant) throws Exception {
        Map<String, List<String>> keys = new HashMap<>();
        try (Connection c = db(service); PreparedStatement ps = c.prepareStatement("""
                SELECT coalesce(resource_id, substring(response_body from '"id" *: *"([^"]+)"')), idempotency_key
                FROM idempotency_keys WHERE merchant_id = ? AND response_status BETWEEN 200 AND 299""")) {
            ps.setString(1, merchant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return keys;
    }

    /**
     * Every stored object was made by exactly one key, and a key a client saw answered names the
     * object its stored answer names (a client that gave up may leave an object it never heard of:
     * it is still one key's).
     */
    private static List<String> keyFaults(Set<String> stored, Map<String, List<String>> keysOf,
            Map<String, String> answered) {
        List<String> faults = new ArrayList<>();
        for (String id : stored) {
            List<String> keys = keysOf.getOrDefault(id, List.of());
            if (keys.size() != 1) {
                faults.add(id + " made by keys " + keys);
            } else if (answered.containsKey(keys.get(0)) && !answered.get(keys.get(0)).equals(id)) {
                faults.add(keys.get(0) + " answered " + answered.get(keys.get(0)) + ", stored " + id);
            }
        }
        for (String id : keysOf.keySet()) {
            if (!stored.contains(id)) {
                faults.add("key(s) " + keysOf.get(id) + " answered " + id + ", not stored");
            }
        }
        return faults;
    }

    private record Snapshot(long unpublished, long pendingRefunds, long succeededRefunds, List<String> amountsOff,
            long pendingDeliveries, long notFannedOut) {
        boolean settled() {
            return unpublished == 0 && pendingRefunds == 0 && amountsOff.isEmpty() && pendingDeliveries == 0
                    && notFannedOut == 0;
        }
    }

    private Snapshot snapshot(String merchant, String endpoint) throws Exception {
        long unpublished = count("payments", "SELECT count(*) FROM outbox o JOIN payments p ON p.id = o.message_key"
                + " WHERE p.merchant_id = ? AND o.published_at IS NULL", merchant)
                + count("refunds", "SELECT count(*) FROM outbox o WHERE o.published_at IS NULL AND o.message_key IN"
                        + " (SELECT payment_id FROM refunds WHERE merchant_id = ?)", merchant);
        long pending = count("refunds", "SELECT count(*) FROM refunds WHERE merchant_id = ? AND status = 'PENDING'", merchant);
        long succeededRefunds = count("refunds", "SELECT count(*) FROM refunds WHERE merchant_id = ? AND status = 'SUCCEEDED'",
                merchant);
        Map<String, Long> refunded = new HashMap<>();
        try (Connection c = db("refunds"); PreparedStatement ps = c.prepareStatement(
                "SELECT payment_id, sum(amount) FROM refunds WHERE merchant_id = ? AND status = 'SUCCEEDED' GROUP BY payment_id")) {
            ps.setString(1, merchant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refunded.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        List<String> off = new ArrayList<>();
        try (Connection c = db("payments"); PreparedStatement ps = c.prepareStatement(
                "SELECT id, amount_refunded FROM payments WHERE merchant_id = ?")) {
            ps.setString(1, merchant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long expected = refunded.getOrDefault(rs.getString(1), 0L);
                    if (rs.getLong(2) != expected) {
                        off.add(rs.getString(1) + ": amount_refunded " + rs.getLong(2) + ", refunds " + expected);
                    }
                }
            }
        }
        long pendingDeliveries = count("webhooks", "SELECT count(*) FROM deliveries WHERE endpoint_id = ? AND state = 'PENDING'",
                endpoint);
        long notFannedOut = count("webhooks", "SELECT count(*) FROM events WHERE merchant_id = ? AND (position IS NULL"
                + " OR NOT fanned_out)", merchant);
        return new Snapshot(unpublished, pending, succeededRefunds, off, pendingDeliveries, notFannedOut);
    }

    private List<String> missingThroughGateway(String apiKey, Set<String> payments, Set<String> refunds)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<String>> reads = new ArrayList<>();
        for (String id : payments) {
            reads.add(pool.submit(() -> read(http, apiKey, "/v1/payments/" + id)));
        }
        for (String id : refunds) {
            reads.add(pool.submit(() -> read(http, apiKey, "/v1/refunds/" + id)));
        }
        List<String> missing = new ArrayList<>();
        for (Future<String> r : reads) {
            String fault = r.get();
            if (fault != null) {
                missing.add(fault);
            }
        }
        pool.shutdown();
        return missing;
    }

    private static String read(HttpClient http, String apiKey, String path) throws InterruptedException {
        int status = -1;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                status = http.send(HttpRequest.newBuilder(URI.create(Suite.GATEWAY + path))
                        .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + apiKey).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status / 100 == 4) {
                    break;
                }
            } catch (IOException e) {
                // tried again below
            }
            Thread.sleep(500);
        }
        return status == 200 ? null : path + ": " + status;
    }

    private record EventsOnTopic(long records, Set<String> eventIds, List<String> duplicates,
            Map<String, Map<Long, Set<String>>> sequences) {
    }

    /** payments.events read from its beginning to its end, the records of {@code payments} kept. */
    private static EventsOnTopic paymentEventsOnTheTopic(Set<String> payments) throws Exception {
        Set<String> eventIds = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        Map<String, Map<Long, Set<String>>> sequences = new HashMap<>();
        long records = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "chaos-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor("payments.events", Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline)
                    && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (!payments.contains(r.key())) {
                        continue;
                    }
                    records++;
                    JsonNode event = JSON.readTree(r.value());
                    String id = event.get("id").asText();
                    if (!eventIds.add(id)) {
                        duplicates.add(r.key() + " " + id + " @" + r.partition() + ":" + r.offset());
                    }
                    sequences.computeIfAbsent(r.key(), k -> new HashMap<>())
                            .computeIfAbsent(event.get("sequence").asLong(), k -> new HashSet<>()).add(id);
                }
            }
        }
        return new EventsOnTopic(records, eventIds, duplicates, sequences);
    }

    /** For each event: one delivery to the endpoint, succeeded, with one 2xx attempt recorded. */
    private static List<String> deliveryFaults(String endpoint, Set<String> events) throws Exception {
        Map<String, String> seen = new HashMap<>();
        try (Connection c = db("webhooks"); PreparedStatement ps = c.prepareStatement("""
                SELECT d.event_id, count(DISTINCT d.id), count(DISTINCT d.id) FILTER (WHERE d.state = 'SUCCEEDED'),
                       count(a.number) FILTER (WHERE a.status_code BETWEEN 200 AND 299)
                FROM deliveries d LEFT JOIN delivery_attempts a ON a.delivery_id = d.id
                WHERE d.endpoint_id = ? GROUP BY d.event_id""")) {
            ps.setString(1, endpoint);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String line = rs.getLong(2) + " deliveries, " + rs.getLong(3) + " succeeded, " + rs.getLong(4)
                            + " 2xx attempts";
                    seen.put(rs.getString(1), line);
                }
            }
        }
        List<String> faults = new ArrayList<>();
        for (String event : events) {
            String line = seen.get(event);
            if (!"1 deliveries, 1 succeeded, 1 2xx attempts".equals(line)) {
                faults.add(event + ": " + line);
            }
        }
        return faults;
    }

    // ---------------------------------------------------------------- plumbing

    private void note(String what) {
        String line = String.format("[chaos +%5.1fs] %s", (System.nanoTime() - started) / 1e9, what);
        timeline.add(line);
        System.out.println(line);
    }

    private static void pause(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    private static Connection db(String service) throws Exception {
        return DriverManager.getConnection(Suite.jdbc(service), "postgres", "");
    }

    private static long count(String service, String sql, String parameter) throws Exception {
        try (Connection c = db(service); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Set<String> ids(String service, String sql, String parameter) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = db(service); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static String first(java.util.Collection<String> faults) {
        return faults.size() + " " + faults.stream().limit(5).collect(Collectors.toList());
    }
}
