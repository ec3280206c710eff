package dev.paysuite.gateway.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimitDecisionTest {
    static final long NOW = 1_700_000_000_250L;
    static final RateLimitBucket KEY = RateLimitBucket.forKey("key_1", new RateLimitPolicy(1000, 3600, 20));
    static final RateLimitBucket ADDRESS = RateLimitBucket.forClient("10.0.0.1", RateLimitPolicy.DEFAULT);

    @Test
    void anAdmittedRequestReportsWhatIsLeftAndWhenTheWindowResets() {
        RateLimitDecision d = RateLimitDecision.from(new RateLimitCounters(true, 30, 45_000, 0),
                KEY.policy(), NOW);
        assertTrue(d.allowed());
        assertEquals(1000, d.limit());
        assertEquals(970, d.remaining());
        assertEquals(1_700_000_045L + 1, d.resetEpochSeconds()); // 1_700_000_045.25 rounded up
        assertEquals(0, d.retryAfterSeconds());
    }

    @Test
    void theResetFallsOnAWholeSecondWithoutRoundingFurther() {
        RateLimitDecision d = RateLimitDecision.from(new RateLimitCounters(true, 1, 59_750, 0),
                KEY.policy(), NOW);
        assertEquals(1_700_000_060L, d.resetEpochSeconds());
    }

    @Test
    void aBurstRefusalSaysRetryAfterOneSecondAndLeavesTheWindowAsItWas() {
        RateLimitDecision d = RateLimitDecision.from(new RateLimitCounters(false, 20, 50_000, 300),
                KEY.policy(), NOW);
        assertFalse(d.allowed());
        assertEquals(980, d.remaining());
        assertEquals(1, d.retryAfterSeconds());
    }

    @Test
    void aWindowRefusalSaysRetryAfterTheWindowRoundedUp() {
        RateLimitDecision d = RateLimitDecision.from(new RateLimitCounters(false, 1000, 12_001, 12_001),
                KEY.policy(), NOW);
        assertEquals(0, d.remaining());
        assertEquals(13, d.retryAfterSeconds());
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        RateLimitDecision d = RateLimitDecision.from(new RateLimitCounters(false, 1000, 0, 0),
                KEY.policy(), NOW);
        assertEquals(1, d.retryAfterSeconds());
    }

    @Test
    void aRefusalIsReportedWithThePolicyOfTheBucketThatRefused() {
        RateLimitDecision d = RateLimitDecision.from(new RateLimitCounters(false, 100, 20_000, 20_000),
                ADDRESS.policy(), NOW);
        assertFalse(d.allowed());
        assertEquals(100, d.limit());
        assertEquals(0, d.remaining());
        assertEquals(20, d.retryAfterSeconds());
    }

    @Test
    void anUncountedRequestIsAdmittedWithTheFullAllowanceAndAFreshWindow() {
        RateLimitDecision d = RateLimitDecision.uncounted(RateLimitPolicy.DEFAULT, NOW);
        assertTrue(d.allowed());
        assertEquals(100, d.limit());
        assertEquals(100, d.remaining());
        assertEquals(1_700_000_061L, d.resetEpochSeconds());
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy(0, 60, 20));
        assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy(100, 0, 20));
        assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy(100, 60, 0));
    }

    @Test
    void keysAndAddressesHaveBucketsOfTheirOwn() {
        assertEquals("key:key_1", KEY.id());
        assertEquals("ip:10.0.0.1", ADDRESS.id());
    }
}
