package dev.paysuite.gateway.adapter.out.ratelimit;

import dev.paysuite.gateway.application.domain.model.RateLimitDecision;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.port.out.ConsumeRateLimitPort;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Rate limits in Redis, shared by every gateway replica: two fixed windows per bucket (the policy's
 * window and one second for bursts), checked and counted in one Lua script so that concurrent
 * requests on any replica can never overshoot. Only admitted requests count.
 */
@ApplicationScoped
public class RedisRateLimitAdapter implements ConsumeRateLimitPort {
    private static final Logger LOG = Logger.getLogger(RedisRateLimitAdapter.class);
    private static final String PREFIX = "paysuite:ratelimit:";
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    /**
     * KEYS: window counter, burst counter. ARGV: limit, window (ms), burst.
     * Answers {admitted (1/0), used in window, window ms left, ms left in the window that refused}.
     */
    static final String SCRIPT = """
            local limit = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local burst = tonumber(ARGV[3])
            local used = tonumber(redis.call('GET', KEYS[1]) or '0')
            local bursted = tonumber(redis.call('GET', KEYS[2]) or '0')
            local wleft = redis.call('PTTL', KEYS[1])
            if wleft < 0 then wleft = window end
            local bleft = redis.call('PTTL', KEYS[2])
            if bleft < 0 then bleft = 1000 end
            if used >= limit then return {0, used, wleft, wleft} end
            if bursted >= burst then return {0, used, wleft, bleft} end
            used = redis.call('INCR', KEYS[1])
            if used == 1 then redis.call('PEXPIRE', KEYS[1], window); wleft = window end
            if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], 1000) end
            return {1, used, wleft, 0}
            """;

    private final ReactiveRedisDataSource redis;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    public RedisRateLimitAdapter(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public CompletionStage<RateLimitDecision> consume(String bucket, RateLimitPolicy policy) {
        String key = PREFIX + bucket;
        return redis.execute("EVAL", SCRIPT, "2", key + ":w", key + ":b", String.valueOf(policy.limit()),
                        String.valueOf(policy.windowSeconds() * 1000L), String.valueOf(policy.burst()))
                .map(r -> decision(r, policy))
                .onFailure().recoverWithItem(failure -> {
                    warn(failure);
                    return RateLimitDecision.unlimitedFallback(policy, System.currentTimeMillis());
                })
                .subscribeAsCompletionStage();
    }

    private static RateLimitDecision decision(Response r, RateLimitPolicy policy) {
        return RateLimitDecision.of(r.get(0).toLong() == 1, policy, r.get(1).toLong(), r.get(2).toLong(),
                r.get(3).toLong(), System.currentTimeMillis());
    }

    private void warn(Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("Rate limiter unreachable, admitting requests unlimited: %s", failure.getMessage());
        }
    }
}
