package dev.paysuite.gateway.adapter.out.persistence;

import dev.paysuite.gateway.application.domain.model.ApiKey;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.Permissions;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.port.out.EvictCachedApiKeyPort;
import dev.paysuite.gateway.application.port.out.LoadApiKeyPort;
import dev.paysuite.gateway.config.GatewayConfig;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Looks API keys up by hash with the reactive PostgreSQL client, never blocking the event loop.
 * Answers are remembered briefly (found keys longer than unknown ones) so that a busy key costs no
 * database round trip, and concurrent lookups of one key share a single query. A lookup that takes
 * longer than {@code key-lookup-timeout} fails, so the key store's outage is answered, not waited out.
 * <p>
 * A key an admin changed is evicted ({@link #evict}) on every replica: the cache is keyed by the
 * secret's hash, which an admin never has, so eviction scans for the key id. A lookup already under
 * way when an eviction happens may have read the old row: its answer is then passed on but not cached.
 */
@ApplicationScoped
public class ApiKeyPersistenceAdapter implements LoadApiKeyPort, EvictCachedApiKeyPort {
    private static final Logger LOG = Logger.getLogger(ApiKeyPersistenceAdapter.class);
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final String BY_HASH = """
            SELECT id, merchant_id, mode, rate_limit, rate_window_seconds, burst_limit, revoked_at IS NOT NULL AS revoked,
                   scopes, expires_at
            FROM api_keys WHERE key_hash = $1""";

    private final Pool pool;
    private final Duration timeout;
    private final ExpiringLruCache<String, ApiKey> known;
    private final ExpiringLruCache<String, Boolean> unknown;
    private final ConcurrentHashMap<String, CompletableFuture<Optional<ApiKey>>> inFlight = new ConcurrentHashMap<>();
    /** Counts evictions, so a lookup that started before one does not cache what it read. */
    private final AtomicLong evictions = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    public ApiKeyPersistenceAdapter(Pool pool, GatewayConfig config) {
        this.pool = pool;
        this.timeout = config.keyLookupTimeout();
        GatewayConfig.KeyCache cache = config.keyCache();
        this.known = new ExpiringLruCache<>(cache.maxEntries(), cache.ttl(), System::nanoTime);
        this.unknown = new ExpiringLruCache<>(cache.maxEntries(), cache.negativeTtl(), System::nanoTime);
    }

    @Override
    public CompletionStage<Optional<ApiKey>> loadByHash(String keyHash) {
        Optional<ApiKey> found = known.get(keyHash);
        if (found.isPresent() || unknown.get(keyHash).isPresent()) {
            return CompletableFuture.completedFuture(found);
        }
        CompletableFuture<Optional<ApiKey>> lookup = new CompletableFuture<>();
        CompletableFuture<Optional<ApiKey>> running = inFlight.putIfAbsent(keyHash, lookup);
        if (running != null) {
            return running;
        }
        long evictionsBefore = evictions.get();
        // A database that does not answer (a partition, a lock) must cost the client a 503, not a hang.
        query(keyHash).ifNoItem().after(timeout).fail().subscribe().with(key -> {
            // Remembered before the in-flight entry goes, so no lookup in between misses both.
            synchronized (known) { // an eviction cannot fall between the check and the put
                if (evictions.get() == evictionsBefore) {
                    key.ifPresentOrElse(k -> known.put(keyHash, k), () -> unknown.put(keyHash, Boolean.TRUE));
                }
            }
            inFlight.remove(keyHash, lookup);
            lookup.complete(key);
        }, failure -> {
            inFlight.remove(keyHash, lookup);
            warn(failure);
            lookup.completeExceptionally(failure);
        });
        return lookup;
    }

    @Override
    public void evict(String keyId) {
        synchronized (known) {
            evictions.incrementAndGet();
            known.removeValuesIf(key -> key.id().equals(keyId));
        }
        // A lookup in flight may have read the row before the change: later requests must not share its answer.
        inFlight.clear();
    }

    @Override
    public void evictAll() {
        synchronized (known) {
            evictions.incrementAndGet();
            known.removeValuesIf(key -> true);
        }
        inFlight.clear();
    }

    private Uni<Optional<ApiKey>> query(String keyHash) {
        try {
            return pool.preparedQuery(BY_HASH).execute(Tuple.of(keyHash)).map(ApiKeyPersistenceAdapter::firstKey);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private static Optional<ApiKey> firstKey(RowSet<Row> rows) {
        Iterator<Row> it = rows.iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Row r = it.next();
        return Optional.of(new ApiKey(r.getString("id"), r.getString("merchant_id"),
                Mode.fromWireName(r.getString("mode")),
                new RateLimitPolicy(r.getInteger("rate_limit"), r.getInteger("rate_window_seconds"),
                        r.getInteger("burst_limit")),
                r.getBoolean("revoked"), Permissions.parse(r.getString("scopes")),
                Optional.ofNullable(r.getOffsetDateTime("expires_at")).map(OffsetDateTime::toInstant).orElse(null)));
    }

    /** Once every few seconds at most: an outage must not flood the log. Never the hash or the key. */
    private void warn(Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("API key lookup failed, refusing keys that are not cached: %s",
                    failure instanceof TimeoutException ? "no answer within " + timeout : failure.toString());
        }
    }
}
