package dev.paysuite.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How patiently a consumer retries an event (see {@link EventInbox}). */
@ConfigMapping(prefix = "paysuite.inbox")
public interface InboxConfig {
    /** The wait before the first retry; each further wait doubles, up to {@link #maxBackoff()}. */
    @WithDefault("PT0.2S")
    Duration firstBackoff();

    /** The longest wait between two attempts while the service's database is unreachable. */
    @WithDefault("PT30S")
    Duration maxBackoff();

    /** Attempts at an event whose failure is not transient before it goes to the dead-letter topic. */
    @WithDefault("3")
    int attempts();
}
