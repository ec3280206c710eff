package dev.paysuite.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "paysuite.gateway")
public interface GatewayConfig {

    /**
     * Service name to base URL, e.g. {@code payments=http://127.0.0.1:8081}; several instances
     * comma-separated, served round robin.
     */
    Map<String, String> upstreams();

    /** Ordered: the first whose path matches wins, so more specific routes come first. */
    List<RouteConfig> routes();

    @WithDefault("PT30S")
    Duration upstreamTimeout();

    @WithDefault("PT5S")
    Duration upstreamConnectTimeout();

    /** Larger request bodies are refused with 413. */
    @WithDefault("1048576")
    int maxBodyBytes();

    /** How long a found API key is trusted without asking the database again (revocation delay). */
    @WithDefault("PT30S")
    Duration keyCacheTtl();

    /** How long an unknown key stays unknown without asking the database again. */
    @WithDefault("PT5S")
    Duration unknownKeyCacheTtl();

    RateLimit defaultRateLimit();

    Identity identity();

    Demo demo();

    interface RouteConfig {
        /** A regular expression the whole request path must match. */
        String path();

        String upstream();
    }

    interface RateLimit {
        @WithDefault("100")
        int limit();

        @WithDefault("60")
        int windowSeconds();

        @WithDefault("20")
        int burst();
    }

    interface Identity {
        @WithDefault("paysuite-gateway")
        String issuer();

        @WithDefault("paysuite-services")
        String audience();

        @WithDefault("PT60S")
        Duration tokenLifetime();

        /** PKCS#8 PEM private key the identity tokens are signed with (RS256). */
        @WithDefault("/etc/paysuite/keys/gateway-signing.pem")
        String signingKeyLocation();
    }

    /** A demo merchant with seed 002's test key, for local runs. Never enable in production. */
    interface Demo {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("mer_demo")
        String merchantId();

        @WithDefault("key_demo")
        String keyId();

        @WithDefault("sk_test_1234567890abcdefghijklmnop")
        String secret();
    }
}
