package dev.paysuite.gateway.adapter.out.ratelimit;

import dev.paysuite.gateway.application.domain.model.RateLimitBucket;
import dev.paysuite.gateway.application.domain.model.RateLimitCounters;
import dev.paysuite.gateway.application.domain.model.RateLimitDecision;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.port.out.ConsumeRateLimitPort;
import dev.paysuite.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Rate limits in Redis, shared by every gateway replica: one Lua script ({@code consume.lua}) reads
 * and counts both windows of a bucket atomically, so concurrent requests on any replica can never
 * overshoot. The script is sent by its SHA-1 and only in full when Redis has forgotten it (after a
 * restart). If Redis cannot answer in time the request is admitted: a rate limiter outage must not
 * become an API outage.
 */
@Startup
@ApplicationScoped
public class RedisRateLimitAdapter implements ConsumeRateLimitPort {
    static final String KEY_PREFIX = "paysuite:ratelimit:";
    private static final Logger LOG = Logger.getLogger(RedisRateLimitAdapter.class);
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final ReactiveRedisDataSource redis;
    private final Duration timeout;
    private final Clock clock;
    private final String script;
    private final String scriptSha;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    public RedisRateLimitAdapter(ReactiveRedisDataSource redis, GatewayConfig config, Clock clock) {
        this.redis = redis;
        this.timeout = config.rateLimiterTimeout();
        this.clock = clock;
        this.script = readScript();
        this.scriptSha = sha1(script);
    }

    @Override
    public CompletionStage<RateLimitDecision> consume(RateLimitBucket bucket) {
        RateLimitPolicy policy = bucket.policy();
        String[] arguments = {"2", mainKey(bucket), burstKey(bucket), String.valueOf(policy.limit()),
                String.valueOf(policy.windowMillis()), String.valueOf(policy.burst()),
                String.valueOf(RateLimitPolicy.BURST_WINDOW_MILLIS)};
        return evaluate(arguments)
                .ifNoItem().after(timeout).fail()
                .map(response -> RateLimitDecision.from(counters(response), policy, clock.millis()))
                .onFailure().recoverWithItem(failure -> {
                    warn(failure);
                    return RateLimitDecision.uncounted(policy, clock.millis());
                })
                .subscribeAsCompletionStage();
    }

    private Uni<Response> evaluate(String[] arguments) {
        return redis.execute("EVALSHA", prepend(scriptSha, arguments))
                .onFailure(RedisRateLimitAdapter::scriptUnknown)
                .recoverWithUni(() -> redis.execute("EVAL", prepend(script, arguments)));
    }

    static String mainKey(RateLimitBucket bucket) {
        return KEY_PREFIX + bucket.id() + ":w";
    }

    static String burstKey(RateLimitBucket bucket) {
        return KEY_PREFIX + bucket.id() + ":b";
    }

    private static RateLimitCounters counters(Response r) {
        boolean admitted = switch (r.get(0).toInteger()) {
            case 1 -> true;
            case 0 -> false;
            default -> throw new IllegalStateException("Unexpected answer from the rate-limit script: " + r);
        };
        return new RateLimitCounters(admitted, r.get(1).toLong(), r.get(2).toLong(), r.get(3).toLong());
    }

    private static boolean scriptUnknown(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private void warn(Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("Rate limiter unavailable, admitting requests without limits: %s", failure.toString());
        }
    }

    private static String readScript() {
        try (InputStream in = RedisRateLimitAdapter.class.getResourceAsStream("consume.lua")) {
            if (in == null) {
                throw new IllegalStateException("consume.lua is missing from the gateway's classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
