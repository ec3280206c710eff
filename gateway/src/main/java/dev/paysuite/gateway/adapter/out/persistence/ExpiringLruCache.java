package dev.paysuite.gateway.adapter.out.persistence;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A bounded map whose entries expire, the least recently used going first when it is full.
 * One lock: operations are a hash lookup each, so the event loops hardly ever wait on it.
 */
final class ExpiringLruCache<K, V> {
    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final LinkedHashMap<K, Entry<V>> entries;
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    ExpiringLruCache(int maxEntries, Duration ttl, LongSupplier nanoTime) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("A cache holds at least one entry");
        }
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiresAtNanos() - nanoTime.getAsLong() <= 0) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** A zero time to live caches nothing. */
    synchronized void put(K key, V value) {
        if (ttlNanos > 0) {
            entries.put(key, new Entry<>(value, nanoTime.getAsLong() + ttlNanos));
        }
    }

    /** Drops every entry whose value matches: a scan, for rare events (an admin changing a key), never per request. */
    synchronized void removeValuesIf(Predicate<V> matches) {
        entries.values().removeIf(entry -> matches.test(entry.value()));
    }

    synchronized int size() {
        return entries.size();
    }
}
