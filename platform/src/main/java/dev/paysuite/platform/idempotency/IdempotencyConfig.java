package dev.paysuite.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "paysuite.idempotency")
public interface IdempotencyConfig {
    /** How long a key and its first answer are kept. */
    @WithDefault("PT24H")
    Duration retention();

    /** After this long, a key still marked in flight belongs to a request that died; it may be taken again. */
    @WithDefault("PT60S")
    Duration lease();
}
