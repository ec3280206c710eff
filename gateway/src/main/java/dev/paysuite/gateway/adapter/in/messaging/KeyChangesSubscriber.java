package dev.paysuite.gateway.adapter.in.messaging;

import dev.paysuite.gateway.application.port.in.ForgetCachedKeyUseCase;
import dev.paysuite.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Listens, from startup, on the Redis channel where replicas announce changed keys, and evicts each
 * from this replica's key cache. A subscription that fails or ends (Redis restarted) is made again
 * a second later; as announcements may have been missed meanwhile, the whole cache is dropped when
 * it is back. Until then the cache's time to live bounds how stale a key can be.
 */
@ApplicationScoped
public class KeyChangesSubscriber {
    private static final Logger LOG = Logger.getLogger(KeyChangesSubscriber.class);
    private static final long RETRY_MILLIS = 1_000;

    private final ReactivePubSubCommands<String> pubsub;
    private final ForgetCachedKeyUseCase forget;
    private final Vertx vertx;
    private final String channel;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final AtomicBoolean retryScheduled = new AtomicBoolean();
    private final AtomicReference<ReactivePubSubCommands.ReactiveRedisSubscriber> subscriber = new AtomicReference<>();

    public KeyChangesSubscriber(ReactiveRedisDataSource redis, ForgetCachedKeyUseCase forget, Vertx vertx,
            GatewayConfig config) {
        this.pubsub = redis.pubsub(String.class);
        this.forget = forget;
        this.vertx = vertx;
        this.channel = config.keyChangesChannel();
    }

    void onStart(@Observes StartupEvent event) {
        subscribe();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped.set(true);
        ReactivePubSubCommands.ReactiveRedisSubscriber current = subscriber.getAndSet(null);
        if (current != null) {
            current.unsubscribe().subscribe().with(done -> { }, failure -> { });
        }
    }

    private void subscribe() {
        if (stopped.get()) {
            return;
        }
        pubsub.subscribe(channel, this::changed, this::ended, this::failed).subscribe().with(s -> {
            subscriber.set(s);
            if (lost.getAndSet(false)) {
                forget.forgetAll();
                LOG.infof("Listening again for API key changes on %s; the key cache was dropped", channel);
            }
        }, this::failed);
    }

    private void changed(String keyId) {
        forget.forget(keyId);
    }

    private void ended() {
        retry("the subscription ended");
    }

    private void failed(Throwable failure) {
        retry(failure.toString());
    }

    private void retry(String why) {
        if (stopped.get() || !retryScheduled.compareAndSet(false, true)) {
            return; // a failure and the end of one subscription make one retry
        }
        if (!lost.getAndSet(true)) {
            LOG.warnf("Not listening for API key changes on %s (%s): retrying every second; cached keys may be stale "
                    + "for up to the key cache time to live", channel, why);
        }
        subscriber.set(null);
        vertx.setTimer(RETRY_MILLIS, id -> {
            retryScheduled.set(false);
            subscribe();
        });
    }
}
