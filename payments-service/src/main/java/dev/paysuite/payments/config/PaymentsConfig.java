package dev.paysuite.payments.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

@ConfigMapping(prefix = "paysuite.payments")
public interface PaymentsConfig {

    /**
     * Where customers reach the suite's public pages: the gateway's public URL (a payment link's
     * {@code url}, the 3-D Secure challenge page). No trailing slash.
     */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Demo demo();

    /** The call to methods-service that resolves a payment method or token; its URL is {@code quarkus.rest-client.methods.url}. */
    Methods methods();

    Simulator simulator();

    /** How long a payment may stay processing before the reconciler asks the processor what it did. */
    @WithDefault("PT30S")
    java.time.Duration reconcileAfter();

    /** How often the reconciler looks for payments left processing. */
    @WithDefault("5s")
    String reconcileEvery();

    /**
     * How long an authorization may be held ({@code requires_capture}) before it is canceled with
     * {@code cancellation_reason: expired} (voided at the processor first).
     */
    @WithDefault("P7D")
    java.time.Duration authorizationExpiry();

    /** How often the scheduler looks for authorizations held past their expiry. */
    @WithDefault("60s")
    String expireAuthorizationsEvery();

    Subscriptions subscriptions();

    Disputes disputes();

    /** Disputes: how often the acquirer's notifications are read. */
    interface Disputes {
        /** How often the scheduler reads the acquirer's dispute notifications and tells it the merchants' answers. */
        @WithDefault("2s")
        String syncEvery();
    }

    /** Subscriptions: dunning and the scheduler. */
    interface Subscriptions {
        /** When a failed cycle is retried, counted from when it was due (ISO 8601 durations, increasing). */
        @WithDefault("P1D,P3D,P5D")
        List<java.time.Duration> retries();

        /** What becomes of a subscription whose every retry failed: {@code cancel} or {@code unpaid}. */
        @WithDefault("cancel")
        String whenRetriesExhausted();

        /** How often the scheduler looks for cycles, retries and ends due. */
        @WithDefault("5s")
        String runEvery();
    }

    interface Methods {
        /** How long one try may take before it counts as failed (and is not tried again). */
        @WithDefault("PT5S")
        java.time.Duration timeout();

        /** Tries after the first, on connection failures and 5xx answers only (never on a 4xx or a timeout). */
        @WithDefault("2")
        int retries();

        @WithDefault("PT0.1S")
        java.time.Duration retryDelay();

        CircuitBreaker circuitBreaker();

        /** Opens when at least failure-ratio of the last request-volume-threshold tries failed; stays open for delay. */
        interface CircuitBreaker {
            @WithDefault("20")
            int requestVolumeThreshold();

            @WithDefault("0.5")
            double failureRatio();

            @WithDefault("PT5S")
            java.time.Duration delay();
        }
    }

    interface Simulator {
        /**
         * Fault injection, for tests only: with card …9987 the process halts right after the acquirer
         * charged, as a crash between the two phases would.
         */
        @WithDefault("false")
        boolean crashAfterCharge();

        /** How long after a charge of test card 4000000000000259 (or …2685) its dispute opens. */
        @WithDefault("PT3S")
        java.time.Duration disputeAfter();

        /** How long the merchant has to give evidence once a dispute opens ({@code evidence_due_by}). */
        @WithDefault("P7D")
        java.time.Duration disputeEvidenceWindow();

        /** How long the simulated issuer takes to decide a dispute once the evidence is submitted. */
        @WithDefault("PT2S")
        java.time.Duration disputeDecisionAfter();
    }

    /** The demo merchant of a local run, so that seed 002's examples work as written. Off in prod. */
    interface Demo {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("mer_demo")
        String merchantId();

        /** Payments the demo merchant starts with, as id:amount:currency (seed 002's examples name them). */
        @WithDefault("pay_1234567890abcdef:1000:USD,pay_0987654321fedcba:2500:USD")
        List<String> payments();
    }
}
