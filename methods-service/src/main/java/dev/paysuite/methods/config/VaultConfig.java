package dev.paysuite.methods.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The vault's keys, forwarding destinations, rotation pace and test methods ({@code paysuite.vault.*}). */
@ConfigMapping(prefix = "paysuite.vault")
public interface VaultConfig {
    /** AES-256 keys by id, each the base64 of 32 random bytes. Old keys stay listed until rotation is over. */
    Map<String, String> keys();

    /** The id of the key new records are sealed with; records under other keys are re-sealed with it. */
    String activeKey();

    /** The key of the keyed hash fingerprints derive from (base64, at least 32 bytes). Never rotated: fingerprints would change. */
    String fingerprintKey();

    Forwarding forwarding();

    Rotation rotation();

    Demo demo();

    interface Forwarding {
        /** The acquirers card data may be forwarded to: name → URL. No other URL is ever called. */
        Map<String, String> destinations();

        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Rotation {
        /** How often the background job looks for records sealed under an old key. */
        @WithDefault("30s")
        String every();

        /** Records re-sealed per transaction. */
        @WithDefault("200")
        int batchSize();
    }

    interface Demo {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("mer_demo")
        String merchantId();
    }
}
