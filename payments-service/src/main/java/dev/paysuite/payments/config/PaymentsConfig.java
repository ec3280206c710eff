package dev.paysuite.payments.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

@ConfigMapping(prefix = "paysuite.payments")
public interface PaymentsConfig {
    /** Stored payment methods the demo merchant has in test mode (the ids seed 002's examples use). */
    @WithDefault("pm_1234567890,pm_0987654321")
    List<String> demoPaymentMethods();

    /** Where the simulator sends a payer for 3-D Secure; {payment_id} is replaced. */
    @WithDefault("https://simulator.paysuite.invalid/3ds/{payment_id}")
    String threeDSecureUrl();
}
