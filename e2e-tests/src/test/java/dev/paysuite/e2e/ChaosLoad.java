package dev.paysuite.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault harness's clients: an open-model load through the gateway (requests start at a steady
 * rate whatever the answers take). Each request is a payment with a new Idempotency-Key, a re-send
 * of an answered payment with its key (the same payment must come back), or a partial refund of a
 * payment that succeeded a while ago, with a new key. A request that fails in a way a client may
 * retry (no connection, a timeout, 5xx, 409 while its key is held, 429) is sent again with the same
 * key and body until it gets a 2xx or a definitive 4xx, as a real client would; every 2xx answer's
 * object id is recorded against its key. Asynchronous (java.net.http), so an outage piles up
 * retries, not threads.
 */
final class ChaosLoad implements AutoCloseable {
    static final long PAYMENT_AMOUNT = 10_000;
    static final long REFUND_AMOUNT = 300;
    private static final String PAYMENT_BODY = "{\"amount\": " + PAYMENT_AMOUNT
            + ", \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}";
    private static final String REFUND_BODY = "{\"amount\": " + REFUND_AMOUNT + "}";
    /** How long a client keeps retrying one request before it gives up (its key is then abandoned). */
    private static final Duration RETRY_BUDGET = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * At most this many requests under way (first tries and retries): on a small machine, an outage
     * of a minute would otherwise leave thousands of clients retrying, a storm that keeps the suite
     * down after the fault is gone. Arrivals past it are counted, not sent.
     */
    private static final int MAX_IN_FLIGHT = Integer.getInteger("paysuite.chaos.max-in-flight", 300);

    private final String apiKey;
    private final double rate;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chaos-load");
        t.setDaemon(true);
        return t;
    });

    /** Idempotency-Key → the id of the object its first 2xx answered. */
    final Map<String, String> paymentKeys = new ConcurrentHashMap<>();
    final Map<String, String> refundKeys = new ConcurrentHashMap<>();
    /** refund id → its payment's id. */
    final Map<String, String> refundOf = new ConcurrentHashMap<>();
    /** The keys a later 2xx answered with another object than the first (must stay empty). */
    final List<String> keyConflicts = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Keys that got a definitive 4xx (status and error code), and keys given up on (no 2xx in the budget). */
    final Map<String, String> refused = new ConcurrentHashMap<>();
    final Set<String> abandoned = ConcurrentHashMap.newKeySet();
    /** Succeeded payments by when they were answered (nanoTime), the pool refunds are drawn from. */
    private final ConcurrentSkipListMap<Long, String> succeeded = new ConcurrentSkipListMap<>();
    /** The payment keys answered so far, the pool re-sends are drawn from. */
    private final List<String> answeredKeys = new ArrayList<>();

    final AtomicLong requests = new AtomicLong();
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong resends = new AtomicLong();
    final Map<Integer, AtomicLong> statuses = new ConcurrentSkipListMap<>();
    final AtomicLong transportErrors = new AtomicLong();
    final AtomicLong notSent = new AtomicLong();
    final AtomicInteger inFlight = new AtomicInteger();

    ChaosLoad(String apiKey, double rate) {
        this.apiKey = apiKey;
        this.rate = rate;
    }

    /** Starts the load; it runs until {@link #stop()}. */
    void start() {
        long periodMicros = (long) (1_000_000 / rate);
        ticker.scheduleAtFixedRate(this::next, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Stops starting requests (those under way go on, retries included: see {@link #awaitAnswered}). */
    void stop() throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Waits, at most {@code max}, until every request started got its final answer. */
    boolean awaitAnswered(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return inFlight.get() == 0;
    }

    int answeredSince(long since) {
        return succeeded.tailMap(since).size();
    }

    private void next() {
        if (inFlight.get() >= MAX_IN_FLIGHT) {
            // the clients' backlog is full (an outage piles up retries): this arrival is not sent
            notSent.incrementAndGet();
            return;
        }
        double dice = ThreadLocalRandom.current().nextDouble();
        if (dice < 0.2) {
            // a partial refund of a payment that succeeded at least 3 s ago (refunds-service learns
            // of payments from payments.events, so a newer one might not be refundable yet)
            // Each such payment is as likely as any other: a pick by time would pile the refunds of an
            // outage's length on the first payment after it, until they exceed what it can refund.
            Collection<String> oldEnough = succeeded.headMap(System.nanoTime() - 3_000_000_000L).values();
            int count = oldEnough.size();
            if (count > 0) {
                String payment = oldEnough.stream().skip(ThreadLocalRandom.current().nextInt(count)).findFirst()
                        .orElse(null);
                if (payment != null) {
                    refund(payment);
                    return;
                }
            }
        } else if (dice < 0.3) {
            String key;
            synchronized (answeredKeys) {
                key = answeredKeys.isEmpty() ? null
                        : answeredKeys.get(ThreadLocalRandom.current().nextInt(answeredKeys.size()));
            }
            if (key != null) {
                resends.incrementAndGet();
                send(key, "/v1/payments", PAYMENT_BODY, true);
                return;
            }
        }
        String key = "chaos-pay-" + UUID.randomUUID();
        send(key, "/v1/payments", PAYMENT_BODY, true);
    }

    private void refund(String payment) {
        String key = "chaos-ref-" + UUID.randomUUID();
        send(key, "/v1/payments/" + payment + "/refunds", REFUND_BODY, false);
    }

    private void send(String key, String path, String body, boolean payment) {
        requests.incrementAndGet();
        inFlight.incrementAndGet();
        attempt(key, path, body, payment, System.nanoTime(), 0);
    }

    private void attempt(String key, String path, String body, boolean payment, long startedAt, int retries) {
        attempts.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(Suite.GATEWAY + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            boolean retry;
            if (failure != null) {
                transportErrors.incrementAndGet();
                retry = true;
            } else {
                int status = response.statusCode();
                statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                if (status / 100 == 2) {
                    answered(key, response.body(), payment);
                    inFlight.decrementAndGet();
                    return;
                }
                retry = status >= 500 || status == 409 || status == 429 || status == 408;
                if (!retry) {
                    refused.put(key, status + " " + errorCode(response.body()));
                    inFlight.decrementAndGet();
                    return;
                }
            }
            if (retry && System.nanoTime() - startedAt < RETRY_BUDGET.toNanos()) {
                retried.incrementAndGet();
                // backs off as a client library would (0.5 s doubling to 10 s, with jitter), so an outage
                // does not turn the load into a storm of retries
                long delay = Math.min(10_000, 500L << Math.min(retries, 5));
                delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
                CompletableFuture.runAsync(() -> attempt(key, path, body, payment, startedAt, retries + 1),
                        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
            } else {
                abandoned.add(key);
                inFlight.decrementAndGet();
            }
        });
    }

    private void answered(String key, String body, boolean payment) {
        try {
            JsonNode object = JSON.readTree(body);
            String id = object.path("id").asText();
            Map<String, String> keys = payment ? paymentKeys : refundKeys;
            String first = keys.putIfAbsent(key, id);
            if (first != null && !first.equals(id)) {
                keyConflicts.add(key + ": " + first + " then " + id);
            }
            if (payment && first == null) {
                synchronized (answeredKeys) {
                    answeredKeys.add(key);
                }
            }
            if (payment && first == null && "succeeded".equals(object.path("status").asText())) {
                long now = System.nanoTime();
                while (succeeded.putIfAbsent(now, id) != null) {
                    now++;
                }
            }
            if (!payment) {
                refundOf.put(id, object.path("payment").asText(object.path("payment_id").asText()));
            }
        } catch (Exception e) {
            keyConflicts.add(key + ": unreadable 2xx answer " + body);
        }
    }

    private static String errorCode(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            return error.path("code").asText(error.path("type").asText(""));
        } catch (Exception e) {
            return "";
        }
    }

    String summary() {
        return "requests " + requests.get() + " (payment re-sends " + resends.get() + "; not sent, backlog full: "
                + notSent.get() + "), attempts " + attempts.get()
                + ", retried " + retried.get() + ", transport errors " + transportErrors.get() + ", statuses "
                + statuses + ", payments answered " + paymentKeys.size() + ", refunds answered " + refundKeys.size()
                + ", refused (4xx) " + refused.size() + ", abandoned " + abandoned.size();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
