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

    RateLimitDecision consume(RateLimitBucket bucket) throws Exception {
        return limiter.consume(bucket).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    String counter(String key) {
        return redis.value(String.class).get(key);
    }

    @Test
    void requestsAreAdmittedUntilTheWindowIsFullAndOnlyAdmittedOnesCount() throws Exception {
        RateLimitBucket bucket = bucket(2, 60, 10);
        assertEquals(1, consume(bucket).remaining());
        assertEquals(0, consume(bucket).remaining());
        RateLimitDecision refused = consume(bucket);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 60);
        assertEquals("2", counter(RedisRateLimitAdapter.mainKey(bucket)));
    }

    @Test
    void countersAreKeptUnderThePrefixAndExpireWithTheirWindows() throws Exception {
        RateLimitBucket bucket = bucket(10, 60, 10);
        consume(bucket);
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
        RateLimitDecision refused = consume(bucket);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
        assertEquals(100, refused.remaining());
        assertNull(counter(RedisRateLimitAdapter.mainKey(bucket)));
        assertEquals("3", counter(RedisRateLimitAdapter.burstKey(bucket)));
    }

    @Test
    void aFullBucketLeavesEveryOtherBucketAlone() throws Exception {
        // An address over its limit for failed authentications, and a key used from that address.
        RateLimitBucket address = new RateLimitBucket("ip:" + UUID.randomUUID(), new RateLimitPolicy(5, 60, 5));
        RateLimitBucket key = new RateLimitBucket("key:" + UUID.randomUUID(), new RateLimitPolicy(1000, 3600, 20));
        redis.value(String.class).set(RedisRateLimitAdapter.mainKey(address), "5", new SetArgs().px(30_000));
        assertFalse(consume(address).allowed());
        RateLimitDecision admitted = consume(key);
        assertTrue(admitted.allowed());
        assertEquals(1000, admitted.limit());
        assertEquals(999, admitted.remaining());
        assertEquals("5", counter(RedisRateLimitAdapter.mainKey(address)));
        assertEquals("1", counter(RedisRateLimitAdapter.mainKey(key)));
    }

    @Test
    void aCounterLeftWithoutAnExpiryIsGivenItsWindow() throws Exception {
        RateLimitBucket bucket = bucket(10, 60, 10);
        redis.value(String.class).set(RedisRateLimitAdapter.mainKey(bucket), "10");
        assertFalse(consume(bucket).allowed());
        long ttl = redis.key().pttl(RedisRateLimitAdapter.mainKey(bucket));
        assertTrue(ttl > 0 && ttl <= 60_000, "expiry " + ttl);
    }

    @Test
    void concurrentRequestsNeverOvershootTheLimit() throws Exception {
        RateLimitBucket bucket = bucket(10, 60, 1000);
        List<CompletableFuture<RateLimitDecision>> decisions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            decisions.add(limiter.consume(bucket).toCompletableFuture());
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
        consume(bucket);
        redis.execute("SCRIPT", "FLUSH");
        RateLimitDecision afterFlush = consume(bucket);
        assertTrue(afterFlush.allowed());
        assertEquals(8, afterFlush.remaining());
    }
}
