package dev.paysuite.refunds.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "paysuite.refunds")
public interface RefundsConfig {
    /** How long a refund request waits, before its transaction, for news of a payment the local view does not know yet. */
    @WithDefault("PT5S")
    Duration projectionWait();

    /**
     * How long a refund request looks for a payment the view does not know (or still shows
     * authorized) even when the view is caught up with the topic: the time the payment's news
     * normally takes from payments-service's commit, through its outbox relay, to the topic.
     */
    @WithDefault("PT1S")
    Duration projectionGrace();

    @WithDefault("PT0.05S")
    Duration projectionPoll();

    /** How many refund requests may wait for news of a payment at once on an instance; more get 503. */
    @WithDefault("64")
    int projectionMaxWaiting();

    /** How long a refund whose processor answer never came may still be answered, before it is asked for. */
    @WithDefault("PT30S")
    Duration unansweredAfter();

    /** How often pending refunds are checked with the processor. */
    @WithDefault("1s")
    String settleInterval();

    Simulator simulator();

    interface Simulator {
        /** How long the simulated processor keeps a doomed refund pending before failing it. */
        @WithDefault("PT2S")
        Duration asyncFailureDelay();
    }
}
