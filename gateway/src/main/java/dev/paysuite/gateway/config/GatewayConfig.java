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

    /** How long a service has to answer, failover to another instance included; then 504. */
    @WithDefault("PT30S")
    Duration upstreamTimeout();

    /** How long connecting to one instance may take before the next is tried (or 503). */
    @WithDefault("PT5S")
    Duration upstreamConnectTimeout();

    /** Pooled keep-alive connections per service instance. */
    @WithDefault("100")
    int upstreamMaxConnections();

    /**
     * Connections per service instance for requests asking for a stream ({@code Accept:
     * text/event-stream}), apart from the pool above: each holds one for as long as its stream lasts.
     */
    @WithDefault("1000")
    int upstreamMaxStreams();

    /**
     * How long the vault may take to exchange an inline card for a token (connecting included)
     * before the payment is answered 503: nothing was charged then, so a retry is safe.
     */
    @WithDefault("PT5S")
    Duration vaultTimeout();

    /**
     * The upstream that serves the public pages ({@code /pay/...}, a payment link's page, and
     * {@code /3ds/...}, the 3-D Secure challenge): payments-service. No API key opens them; each
     * counts against its client's address.
     */
    @WithDefault("payments")
    String pagesUpstream();

    /** The upstream that holds the card vault (methods-service), for the inline-card exchange. */
    @WithDefault("methods")
    String vaultUpstream();

    /** Larger request bodies are refused with 413. */
    @WithDefault("1048576")
    int maxBodyBytes();

    /** The client headers a service sees; credentials and hop-by-hop headers are never among them. */
    @WithDefault("Content-Type,Accept,Idempotency-Key,User-Agent,Last-Event-ID")
    List<String> forwardedRequestHeaders();

    /**
     * How long a key lookup may wait for the database (a connection included) before the request
     * is answered 503: well under a client's patience, well over a healthy lookup.
     */
    @WithDefault("PT2S")
    Duration keyLookupTimeout();

    KeyCache keyCache();

    /** Keys' rate limit when their row says nothing else, and the limit per client address without a valid key. */
    RateLimit defaultRateLimit();

    /** How long to wait for Redis before admitting the request unlimited. */
    @WithDefault("PT0.5S")
    Duration rateLimiterTimeout();

    Demo demo();

    /**
     * The Redis pub/sub channel on which a replica that changed a key (admin API) tells the others
     * to evict it from their key cache.
     */
    @WithDefault("paysuite:gateway:keys")
    String keyChangesChannel();

    interface RouteConfig {
        /** A regular expression the whole (normalized) request path must match. */
        String path();

        /** A name in {@code upstreams}. */
        String upstream();
    }

    interface KeyCache {
        /**
         * How long a found key is trusted without asking the database again. A revocation reaches
         * every replica at once through Redis; this bounds it only while Redis cannot be reached.
         */
        @WithDefault("PT30S")
        Duration ttl();

        /** How long an unknown key stays unknown without asking the database again. */
        @WithDefault("PT5S")
        Duration negativeTtl();

        /** Entries kept of each kind (found and unknown), the least recently used going first. */
        @WithDefault("10000")
        int maxEntries();
    }

    interface RateLimit {
        @WithDefault("100")
        int limit();

        @WithDefault("60")
        int windowSeconds();

        @WithDefault("20")
        int burst();
    }

    /** A demo merchant with seed 002's test key, for local runs. Never enable in production. */
    interface Demo {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("mer_demo")
        String merchantId();

        @WithDefault("Demo merchant")
        String merchantName();

        @WithDefault("key_demo")
        String keyId();

        @WithDefault("sk_test_1234567890abcdefghijklmnop")
        String secret();
    }
}
