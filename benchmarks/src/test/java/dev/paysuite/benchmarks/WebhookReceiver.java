package dev.paysuite.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The merchant's side of a webhook endpoint, inside the benchmark JVM (JDK HttpServer on
 * 127.0.0.1): verifies each delivery's Standard Webhooks signature
 * ({@code v1,base64(HMAC-SHA256(secret, "<webhook-id>.<webhook-timestamp>.<body>"))}), answers 204,
 * and notes when each payment's first delivery arrived, against when its 201 reached the client.
 */
final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private volatile byte[] secret;
    private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private final AtomicLong otherEvents = new AtomicLong();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/hooks", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void secret(String whsec) {
        this.secret = Base64.getDecoder().decode(whsec.substring("whsec_".length()));
    }

    /** The client has the 201 of this payment now. */
    void answered(String paymentId) {
        answeredAt.putIfAbsent(paymentId, System.nanoTime());
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            deliveries.incrementAndGet();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (!verified(id, timestamp, signatures, body)) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            JsonNode event = Bench.JSON.readTree(body);
            if ("payment.succeeded".equals(event.path("type").asText())) {
                String payment = event.path("data").path("id").asText();
                if (receivedAt.putIfAbsent(payment, now) != null) {
                    duplicates.incrementAndGet();
                }
            } else {
                otherEvents.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        } finally {
            exchange.close();
        }
    }

    private boolean verified(String id, String timestamp, String signatures, byte[] body) {
        if (id == null || timestamp == null || signatures == null || secret == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
                    return Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) <= 300;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Waits up to {@code seconds} for every answered payment's webhook; the number still missing. */
    long awaitAll(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline && missing() > 0) {
            Thread.sleep(200);
        }
        return missing();
    }

    long missing() {
        return answeredAt.keySet().stream().filter(id -> !receivedAt.containsKey(id)).count();
    }

    /** Latencies in milliseconds from the 201 to the first delivery, sorted. */
    List<Double> latencies() {
        List<Double> out = new ArrayList<>();
        answeredAt.forEach((id, answered) -> {
            Long received = receivedAt.get(id);
            if (received != null) {
                out.add((received - answered) / 1_000_000.0);
            }
        });
        Collections.sort(out);
        return out;
    }

    long answered() {
        return answeredAt.size();
    }

    long deliveries() {
        return deliveries.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long badSignatures() {
        return badSignatures.get();
    }

    long otherEvents() {
        return otherEvents.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
