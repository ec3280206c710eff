package dev.paysuite.gateway.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpiringLruCacheTest {
    final AtomicLong now = new AtomicLong(1_000);

    ExpiringLruCache<String, String> cache(int max, Duration ttl) {
        return new ExpiringLruCache<>(max, ttl, now::get);
    }

    @Test
    void anEntryIsServedUntilItExpires() {
        var cache = cache(10, Duration.ofSeconds(30));
        cache.put("a", "A");
        now.addAndGet(Duration.ofSeconds(30).toNanos() - 1);
        assertEquals(Optional.of("A"), cache.get("a"));
        now.addAndGet(1);
        assertEquals(Optional.empty(), cache.get("a"));
        assertEquals(0, cache.size());
    }

    @Test
    void entriesAreDroppedByTheirValueWhoseKeyIsNotKnown() {
        var cache = cache(10, Duration.ofSeconds(30));
        cache.put("hash-1", "key_1");
        cache.put("hash-2", "key_2");
        cache.removeValuesIf("key_1"::equals);
        assertEquals(Optional.empty(), cache.get("hash-1"));
        assertEquals(Optional.of("key_2"), cache.get("hash-2"));
    }

    @Test
    void whenFullTheLeastRecentlyUsedEntryGoes() {
        var cache = cache(2, Duration.ofSeconds(30));
        cache.put("a", "A");
        cache.put("b", "B");
        cache.get("a");
        cache.put("c", "C");
        assertEquals(Optional.of("A"), cache.get("a"));
        assertEquals(Optional.empty(), cache.get("b"));
        assertEquals(Optional.of("C"), cache.get("c"));
        assertEquals(2, cache.size());
    }

    @Test
    void aZeroTimeToLiveCachesNothing() {
        var cache = cache(10, Duration.ZERO);
        cache.put("a", "A");
        assertTrue(cache.get("a").isEmpty());
    }

    @Test
    void theClockMayWrapAround() {
        now.set(Long.MAX_VALUE - 10);
        var cache = cache(10, Duration.ofNanos(100));
        cache.put("a", "A");
        now.addAndGet(50);
        assertEquals(Optional.of("A"), cache.get("a"));
        now.addAndGet(50);
        assertTrue(cache.get("a").isEmpty());
    }
}
