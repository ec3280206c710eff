package dev.paysuite.benchmarks;

import static io.gatling.javaapi.http.HttpDsl.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What every simulation shares: where the suite is, the load (system properties {@code rate}, in
 * users a second, and {@code duration}, in seconds), and merchants onboarded through the gateway's
 * admin API with rate limits far above any load here, so that the gateway's limiter is never what
 * a run measures.
 */
final class Bench {
    static final String GATEWAY = System.getProperty("bench.gateway", "http://127.0.0.1:8080");
    static final String KEYCLOAK = System.getProperty("bench.keycloak", "http://localhost:8180");
    /** A key to use instead of onboarding merchants (its limits are then the caller's business). */
    static final String GIVEN_KEY = System.getProperty("bench.key", "");
    /** The admin client of deploy/keycloak's realm (local only). */
    static final String ADMIN_CLIENT = System.getProperty("bench.admin-client", "paysuite-admin-cli");
    static final String ADMIN_SECRET = System.getProperty("bench.admin-secret", "paysuite-admin-cli-local-secret");
    /** Per-key limits of onboarded merchants: the admin API's maximum per minute, bursts of 100,000 a second. */
    static final String UNLIMITED = "{\"limit\": 1000000, \"window_seconds\": 60, \"burst\": 100000}";

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Bench() {
    }

    static double rate() {
        return Double.parseDouble(System.getProperty("rate", "100"));
    }

    static Duration duration() {
        return Duration.ofSeconds(Long.parseLong(System.getProperty("duration", "60")));
    }

    static int intProperty(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
    }

    /** HTTP/1.1 to the gateway, one pool of keep-alive connections shared by all virtual users (as a server-side client has). */
    static HttpProtocolBuilder protocol() {
        return http.baseUrl(GATEWAY).acceptHeader("application/json").contentTypeHeader("application/json")
                .userAgentHeader("paysuite-benchmarks").shareConnections();
    }

    static String paymentBody(long amount, String description) {
        return "{\"amount\": " + amount + ", \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\","
                + " \"capture_method\": \"automatic\", \"description\": \"" + description + "\"}";
    }

    static String idempotencyKey() {
        return "bench-" + UUID.randomUUID();
    }

    /** {@code count} merchants, each with one secret test key; their secrets. */
    static List<String> merchantKeys(String name, int count) {
        List<String> keys = new ArrayList<>();
        if (!GIVEN_KEY.isEmpty()) {
            for (int i = 0; i < count; i++) {
                keys.add(GIVEN_KEY);
            }
            warmUp(GIVEN_KEY);
            return keys;
        }
        String token = adminToken();
        for (int i = 0; i < count; i++) {
            JsonNode merchant = post(GATEWAY + "/admin/merchants", "Bearer " + token, null,
                    "{\"name\": \"Benchmark " + name + " " + (i + 1) + "\"}", 201);
            JsonNode key = post(GATEWAY + "/admin/merchants/" + merchant.get("id").asText() + "/keys", "Bearer " + token,
                    null, "{\"mode\": \"test\", \"type\": \"secret\", \"rate_limit\": " + UNLIMITED + "}", 201);
            keys.add(key.get("secret").asText());
        }
        warmUp(keys.get(0));
        return keys;
    }

    /**
     * {@code bench.warmup} (100) payments and reads, one after another, before the load: a JVM just
     * started (JIT, pools, circuit breakers that a cold first second could open) is not what a run
     * measures. Not counted in the report.
     */
    static void warmUp(String key) {
        int count = intProperty("bench.warmup", 100);
        for (int i = 0; i < count; i++) {
            String payment = createPayment(key, 100 + i);
            get(GATEWAY + "/v1/payments/" + payment, key);
        }
    }

    static JsonNode get(String url, String key) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).GET().build(), 200);
    }

    static String merchantKey(String name) {
        return merchantKeys(name, 1).get(0);
    }

    static String adminToken() {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(ADMIN_CLIENT, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(ADMIN_SECRET, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/paysuite/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return send(request, 200).get("access_token").asText();
    }

    /** A payment created outside the measured load (set-up); its id. */
    static String createPayment(String key, long amount) {
        return post(GATEWAY + "/v1/payments", "Bearer " + key, idempotencyKey(), paymentBody(amount, "benchmark set-up"), 201)
                .get("id").asText();
    }

    static JsonNode post(String url, String authorization, String idempotencyKey, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build(), expected);
    }

    static JsonNode delete(String url, String authorization, int expected) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).DELETE().build(), expected);
    }

    private static JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + " (expected " + expected + "): " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Is the suite running (bin/run)? " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Appends a line for run.sh's summary (benchmarks/target/bench/extra-<scenario>.txt). */
    static void extra(String scenario, String line) {
        System.out.println("[bench] " + line);
        try {
            Path dir = Path.of(System.getProperty("bench.out", "target/bench"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("extra-" + scenario + ".txt"), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
