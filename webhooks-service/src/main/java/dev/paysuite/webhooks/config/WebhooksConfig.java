package dev.paysuite.webhooks.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Events' retention, endpoints' secrets and URLs, the fan-out and the delivery worker ({@code paysuite.webhooks.*}). */
@ConfigMapping(prefix = "paysuite.webhooks")
public interface WebhooksConfig {
    /** AES-256 key (base64 of 32 bytes) sealing the signing secrets at rest. No default: prod sets it. */
    String secretKey();

    /** How long a rolled secret keeps signing beside the new one. */
    @WithDefault("PT24H")
    Duration secretRollGrace();

    /** CIDR blocks, addresses or host names deliveries may go to although they are not public. */
    Optional<List<String>> allowedDestinations();

    /** An endpoint whose every attempt has failed this long is disabled. */
    @WithDefault("P5D")
    Duration disableAfter();

    FanOut fanOut();

    Events events();

    DeliveryConfig delivery();

    StreamConfig stream();

    /** The live stream ({@code GET /v1/events/stream}). */
    interface StreamConfig {
        /** A comment goes out after this long without a message, so proxies keep the connection open. */
        @WithDefault("PT15S")
        Duration heartbeat();

        /** How often the newest position is read (the latency of the stream, at worst). */
        @WithDefault("PT0.25S")
        Duration pollEvery();

        /** Streams one merchant may hold open at once on one instance. */
        @WithDefault("20")
        int maxPerMerchant();

        /** Events a stream reads at a time. */
        @WithDefault("100")
        int batchSize();
    }

    /** The public Events' retention. */
    interface Events {
        /** Events older than this are deleted (unless a delivery still refers to them). */
        @WithDefault("P30D")
        Duration retention();

        @WithDefault("500")
        int retentionBatchSize();

        /** How often the retention job runs. */
        @WithDefault("1h")
        String retentionEvery();
    }

    interface FanOut {
        @WithDefault("1s")
        String every();

        /** Events fanned out per transaction. */
        @WithDefault("200")
        int batchSize();
    }

    interface DeliveryConfig {
        /** How often the worker looks for due deliveries. */
        @WithDefault("1s")
        String every();

        /** A 2xx within this time is a success. */
        @WithDefault("PT15S")
        Duration timeout();

        /** Added to the timeout for a claim: a worker that died lets go of its deliveries after timeout + margin. */
        @WithDefault("PT30S")
        Duration claimMargin();

        /** Attempts in flight at once, all endpoints together (the executor's threads). */
        @WithDefault("16")
        int concurrency();

        /** Attempts in flight at once to one endpoint: a slow endpoint holds at most this many threads. */
        @WithDefault("4")
        int perEndpoint();

        /** How much of a receiver's answer is read (the rest is dropped with the connection). */
        @WithDefault("4096")
        int maxResponseBytes();

        Retry retry();
    }

    interface Retry {
        @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
        List<Duration> delays();

        @WithDefault("PT12H")
        Duration repeatEvery();

        @WithDefault("P3D")
        Duration horizon();

        @WithDefault("0.10")
        double jitter();
    }
}
