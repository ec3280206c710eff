package dev.paysuite.gateway.adapter.out.persistence;

import dev.paysuite.gateway.application.domain.model.ApiKey;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.port.out.LoadApiKeyPort;
import dev.paysuite.gateway.config.GatewayConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Looks API keys up by hash with the reactive PostgreSQL client (never blocking the event loop),
 * and remembers answers briefly so that a hot key costs no database round trip.
 */
@ApplicationScoped
public class ApiKeyPersistenceAdapter implements LoadApiKeyPort {
    private static final int MAX_CACHED = 100_000;

    private record Cached(Optional<ApiKey> key, long expiresAtNanos) {
    }

    private final Pool pool;
    private final Duration ttl;
    private final Duration unknownTtl;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiKeyPersistenceAdapter(Pool pool, GatewayConfig config) {
        this.pool = pool;
        this.ttl = config.keyCacheTtl();
        this.unknownTtl = config.unknownKeyCacheTtl();
    }

    @Override
    public CompletionStage<Optional<ApiKey>> loadByHash(String keyHash) {
        long now = System.nanoTime();
        Cached cached = cache.get(keyHash);
        if (cached != null && cached.expiresAtNanos() - now > 0) {
            return CompletableFuture.completedFuture(cached.key());
        }
        return pool.preparedQuery("""
                SELECT id, merchant_id, mode, rate_limit, rate_window_seconds, burst_limit, revoked_at IS NOT NULL AS revoked
                FROM api_keys WHERE key_hash = $1""")
                .execute(Tuple.of(keyHash))
                .map(ApiKeyPersistenceAdapter::firstKey)
                .invoke(found -> remember(keyHash, found, System.nanoTime()))
                .subscribeAsCompletionStage();
    }

    private void remember(String keyHash, Optional<ApiKey> found, long now) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear(); // crude bound; a full cache only costs database round trips
        }
        Duration lifetime = found.isPresent() ? ttl : unknownTtl;
        cache.put(keyHash, new Cached(found, now + lifetime.toNanos()));
    }

    private static Optional<ApiKey> firstKey(RowSet<Row> rows) {
        Iterator<Row> it = rows.iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Row r = it.next();
        return Optional.of(new ApiKey(r.getString("id"), r.getString("merchant_id"),
                Mode.valueOf(r.getString("mode").toUpperCase(Locale.ROOT)),
                new RateLimitPolicy(r.getInteger("rate_limit"), r.getInteger("rate_window_seconds"),
                        r.getInteger("burst_limit")),
                r.getBoolean("revoked")));
    }
}
