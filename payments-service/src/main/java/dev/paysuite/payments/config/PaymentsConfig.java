package dev.paysuite.payments.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

@ConfigMapping(prefix = "paysuite.payments")
public interface PaymentsConfig {

    /** Where the simulator sends a payer for 3-D Secure; {payment_id} is replaced. */
    @WithDefault("https://simulator.paysuite.invalid/3ds/{payment_id}")
    String threeDSecureUrl();

    Demo demo();

    Simulator simulator();

    /** How long a payment may stay processing before the reconciler asks the processor what it did. */
    @WithDefault("PT30S")
    java.time.Duration reconcileAfter();

    /** How often the reconciler looks for payments left processing. */
    @WithDefault("5s")
    String reconcileEvery();

    interface Simulator {
        /**
         * Fault injection, for tests only: with card …9987 the process halts right after the acquirer
         * charged, as a crash between the two phases would.
         */
        @WithDefault("false")
        boolean crashAfterCharge();
    }

    /** The demo merchant of a local run, so that seed 002's examples work as written. Off in prod. */
    interface Demo {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("mer_demo")
        String merchantId();

        /** Stored payment methods the demo merchant has in test mode (the ids seed 002's examples use). */
        @WithDefault("pm_1234567890,pm_0987654321")
        List<String> paymentMethods();

        /** Payments the demo merchant starts with, as id:amount:currency (seed 002's examples name them). */
        @WithDefault("pay_1234567890abcdef:1000:USD,pay_0987654321fedcba:2500:USD")
        List<String> payments();
    }
}
