package dev.paysuite.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "paysuite.outbox")
public interface OutboxConfig {
    /** Build time: whether this service relays an outbox at all (it needs an {@code outbox} channel). */
    @WithDefault("false")
    boolean enabled();

    /** How often the relay looks for events it has not published yet (it also runs after every commit). */
    @WithDefault("2s")
    String pollInterval();

    /** Events read and sent per round; the relay reads the next batch once this one is marked. */
    @WithDefault("200")
    int batchSize();

    /** How long to wait for the broker to acknowledge a batch; what is unanswered by then goes again, in order. */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /** Published events are kept this long for inspection, then purged. */
    @WithDefault("P7D")
    Duration retention();
}
