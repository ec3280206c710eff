import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load generator: creates payments at a constant arrival rate, whatever the service
 * answers and however long it takes. Request i is due at start + i / rate; the sender never waits
 * for an answer before sending the next, and latency is measured from when a request was due, so
 * a slow service shows up as latency rather than as a lower rate (no coordinated omission).
 *
 * <p>It calls payments-service directly, as the gateway does: with an identity token signed by the
 * gateway's key ({@code .local/keys/gateway-signing.pem}), minted again every 30 seconds.
 *
 * <p>Run with JDK 17: {@code java benchmarks/Load.java --url http://127.0.0.1:23081 --rate 300
 * --seconds 300 --key .local/keys/gateway-signing.pem}
 */
public class Load {
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        URI target = URI.create(opts.getOrDefault("url", "http://127.0.0.1:23081") + "/v1/payments");
        double rate = Double.parseDouble(opts.getOrDefault("rate", "300"));
        long seconds = Long.parseLong(opts.getOrDefault("seconds", "300"));
        Path keyFile = Path.of(opts.getOrDefault("key", ".local/keys/gateway-signing.pem"));
        String merchant = opts.getOrDefault("merchant", "mer_load" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        String method = opts.getOrDefault("method", "pm_test_success");

        PrivateKey key = privateKey(keyFile);
        AtomicReference<String> token = new AtomicReference<>(token(key, merchant));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();

        long total = (long) Math.floor(rate * seconds);
        long intervalNanos = (long) (1_000_000_000L / rate);
        AtomicLongArray latencyMicros = new AtomicLongArray((int) total);
        for (int i = 0; i < total; i++) {
            latencyMicros.set(i, -1);
        }
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder answered = new LongAdder();
        AtomicLong lateStarts = new AtomicLong();

        System.out.printf("open model: %.1f payments/s for %d s (%d requests) to %s as %s%n",
                rate, seconds, total, target, merchant);
        long start = System.nanoTime();
        long lastToken = start;
        long lastReport = start;
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            if (now - due > 10_000_000L) { // the sender itself fell behind by more than 10 ms
                lateStarts.incrementAndGet();
            }
            if (now - lastToken > 30_000_000_000L) {
                token.set(token(key, merchant));
                lastToken = now;
            }
            int slot = (int) i;
            HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token.get())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\": " + (100 + i % 9900)
                            + ", \"currency\": \"USD\", \"payment_method_id\": \"" + method
                            + "\", \"description\": \"load " + i + "\"}"))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencyMicros.set(slot, (System.nanoTime() - due) / 1_000);
                String status = failure != null ? "error " + rootCause(failure).getClass().getSimpleName()
                        : String.valueOf(response.statusCode());
                statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                answered.increment();
            });
            if (now - lastReport > 10_000_000_000L) {
                lastReport = now;
                System.out.printf("  %3d s: sent %d, answered %d, %s%n", (now - start) / 1_000_000_000L, i + 1,
                        answered.sum(), counts(statuses));
            }
        }
        long sendingNanos = System.nanoTime() - start;
        long waitUntil = System.nanoTime() + 35_000_000_000L;
        while (answered.sum() < total && System.nanoTime() < waitUntil) {
            Thread.sleep(100);
        }

        List<Long> done = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long l = latencyMicros.get(i);
            if (l >= 0) {
                done.add(l);
            }
        }
        long[] sorted = done.stream().mapToLong(Long::longValue).sorted().toArray();
        double achieved = total / (sendingNanos / 1e9);
        System.out.printf("sent %d in %.1f s: %.1f requests/s offered (target %.1f); sender late by >10 ms: %d%n",
                total, sendingNanos / 1e9, achieved, rate, lateStarts.get());
        System.out.printf("answered %d, no answer %d; statuses %s%n", sorted.length, total - sorted.length, counts(statuses));
        if (sorted.length > 0) {
            System.out.printf("latency from due time (ms): p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                    pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), sorted[sorted.length - 1] / 1000.0);
        }
        System.out.printf("merchant %s%n", merchant);
        System.exit(0);
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }

    static Map<String, Long> counts(Map<String, LongAdder> statuses) {
        Map<String, Long> out = new TreeMap<>();
        statuses.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    /** The PKCS#8 PEM key that infra/scripts/keys.sh makes with openssl genpkey. */
    static PrivateKey privateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** The gateway's identity token (kernel IdentityClaims): RS256, a test-mode merchant, one minute. */
    static String token(PrivateKey key, String merchant) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"paysuite-gateway\",\"aud\":\"paysuite-services\",\"sub\":\"" + merchant
                + "\",\"groups\":[\"merchant\"],\"mode\":\"test\",\"key_id\":\"key_load\",\"iat\":" + now
                + ",\"exp\":" + (now + 60) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rsa.sign());
    }
}
