package dev.paysuite.gateway.adapter.out.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.application.domain.model.RateLimitBucket;
import dev.paysuite.gateway.application.domain.model.RateLimitDecision;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.port.out.ConsumeRateLimitPort;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Lua script against the real Redis. Time is taken out of the picture by setting the counters
 * directly where a test needs a window in a given state.
 */
@QuarkusTest
class RedisRateLimitAdapterTest {

    @Inject
    ConsumeRateLimitPort limiter;

    @Inject
    RedisDataSource redis;

    static RateLimitBucket bucket(int limit, int windowSeconds, int burst) {
        return new RateLimitBucket("test:" + UUID.randomUUID(), new RateLimitPolicy(limit, windowSeconds, burst));
    }

    RateLimitDecision consume(RateLimitBucket bucket, Optional<RateLimitBucket> guard) throws Exception {
        return limiter.consume(bucket, guard).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    String counter(String key) {
        return redis.value(String.class).get(key);
    }

    @Test
    void requestsAreAdmittedUntilTheWindowIsFullAndOnlyAdmittedOnesCount() throws Exception {
        RateLimitBucket bucket = bucket(2, 60, 10);
        assertEquals(1, consume(bucket, Optional.empty()).remaining());
        assertEquals(0, consume(bucket, Optional.empty()).remaining());
        RateLimitDecision refused = consume(bucket, Optional.empty());
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 60);
        assertEquals("2", counter(RedisRateLimitAdapter.mainKey(bucket)));
    }

    @Test
    void countersAreKeptUnderThePrefixAndExpireWithTheirWindows() throws Exception {
        RateLimitBucket bucket = bucket(10, 60, 10);
        consume(bucket, Optional.empty());
        String main = RedisRateLimitAdapter.mainKey(bucket);
        String burst = RedisRateLimitAdapter.burstKey(bucket);
        assertTrue(main.startsWith("paysuite:ratelimit:") && burst.startsWith("paysuite:ratelimit:"));
        long mainTtl = redis.key().pttl(main);
        long burstTtl = redis.key().pttl(burst);
        assertTrue(mainTtl > 0 && mainTtl <= 60_000, "window expiry " + mainTtl);
        assertTrue(burstTtl > 0 && burstTtl <= 1_000, "burst expiry " + burstTtl);
    }

    @Test
    void aFullBurstWindowRefusesForTheRestOfItsSecondAndCountsNothing() throws Exception {
        RateLimitBucket bucket = bucket(100, 60, 3);
        redis.value(String.class).set(RedisRateLimitAdapter.burstKey(bucket), "3", new SetArgs().px(800));
        RateLimitDecision refused = consume(bucket, Optional.empty());
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
        assertEquals(100, refused.remaining());
        assertNull(counter(RedisRateLimitAdapter.mainKey(bucket)));
        assertEquals("3", counter(RedisRateLimitAdapter.burstKey(bucket)));
    }

    @Test
    void aGuardWithoutRoomRefusesAndIsReportedWithoutCountingEither() throws Exception {
        RateLimitBucket bucket = bucket(1000, 3600, 20);
        RateLimitBucket guard = bucket(5, 60, 5);
        redis.value(String.class).set(RedisRateLimitAdapter.mainKey(guard), "5", new SetArgs().px(30_000));
        RateLimitDecision refused = consume(bucket, Optional.of(guard));
        assertFalse(refused.allowed());
        assertEquals(5, refused.limit());
        assertEquals(0, refused.remaining());
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 30);
        assertNull(counter(RedisRateLimitAdapter.mainKey(bucket)));
        assertEquals("5", counter(RedisRateLimitAdapter.mainKey(guard)));
    }

    @Test
    void aGuardWithRoomIsNotCounted() throws Exception {
        RateLimitBucket bucket = bucket(1000, 3600, 20);
        RateLimitBucket guard = bucket(5, 60, 5);
        RateLimitDecision admitted = consume(bucket, Optional.of(guard));
        assertTrue(admitted.allowed());
        assertEquals(1000, admitted.limit());
        assertEquals(999, admitted.remaining());
        assertNull(counter(RedisRateLimitAdapter.mainKey(guard)));
        assertNull(counter(RedisRateLimitAdapter.burstKey(guard)));
    }

    @Test
    void aCounterLeftWithoutAnExpiryIsGivenItsWindow() throws Exception {
        RateLimitBucket bucket = bucket(10, 60, 10);
        redis.value(String.class).set(RedisRateLimitAdapter.mainKey(bucket), "10");
        assertFalse(consume(bucket, Optional.empty()).allowed());
        long ttl = redis.key().pttl(RedisRateLimitAdapter.mainKey(bucket));
        assertTrue(ttl > 0 && ttl <= 60_000, "expiry " + ttl);
    }

    @Test
    void concurrentRequestsNeverOvershootTheLimit() throws Exception {
        RateLimitBucket bucket = bucket(10, 60, 1000);
        List<CompletableFuture<RateLimitDecision>> decisions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            decisions.add(limiter.consume(bucket, Optional.empty()).toCompletableFuture());
        }
        long admitted = 0;
        for (CompletableFuture<RateLimitDecision> decision : decisions) {
            if (decision.get(5, TimeUnit.SECONDS).allowed()) {
                admitted++;
            }
        }
        assertEquals(10, admitted);
        assertEquals("10", counter(RedisRateLimitAdapter.mainKey(bucket)));
    }

    @Test
    void theScriptIsSentAgainWhenRedisHasForgottenIt() throws Exception {
        RateLimitBucket bucket = bucket(10, 60, 10);
        consume(bucket, Optional.empty());
        redis.execute("SCRIPT", "FLUSH");
        RateLimitDecision afterFlush = consume(bucket, Optional.empty());
        assertTrue(afterFlush.allowed());
        assertEquals(8, afterFlush.remaining());
    }
}
