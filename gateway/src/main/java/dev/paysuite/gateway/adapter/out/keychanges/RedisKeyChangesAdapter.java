package dev.paysuite.gateway.adapter.out.keychanges;

import dev.paysuite.gateway.application.port.out.PublishKeyChangePort;
import dev.paysuite.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Announces a changed key on the Redis channel every replica listens to (a key id: no secret, no
 * hash). Waits briefly for Redis to take it, so the admin's answer follows the announcement; when
 * Redis cannot take it, the other replicas' key cache time to live bounds their staleness.
 */
@ApplicationScoped
public class RedisKeyChangesAdapter implements PublishKeyChangePort {
    private static final Logger LOG = Logger.getLogger(RedisKeyChangesAdapter.class);
    private static final Duration PATIENCE = Duration.ofSeconds(2);

    private final ReactivePubSubCommands<String> pubsub;
    private final String channel;
    private final Duration cacheTtl;

    public RedisKeyChangesAdapter(ReactiveRedisDataSource redis, GatewayConfig config) {
        this.pubsub = redis.pubsub(String.class);
        this.channel = config.keyChangesChannel();
        this.cacheTtl = config.keyCache().ttl();
    }

    @Override
    public void publish(String keyId) {
        try {
            pubsub.publish(channel, keyId).await().atMost(PATIENCE);
        } catch (RuntimeException e) {
            LOG.warnf("Could not announce a change of API key %s to the other gateway replicas (%s): they may use "
                    + "their cached copy for up to %s", keyId, e.toString(), cacheTtl);
        }
    }
}
