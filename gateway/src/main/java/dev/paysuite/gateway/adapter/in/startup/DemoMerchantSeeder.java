package dev.paysuite.gateway.adapter.in.startup;

import dev.paysuite.gateway.application.port.in.SeedDemoMerchantUseCase.DemoMerchant;
import dev.paysuite.gateway.application.port.in.SeedDemoMerchantUseCase;
import dev.paysuite.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * At startup of a local run, gives the suite the demo merchant with seed 002's test key, so that the
 * seeds' curl examples work as written. A secret that is not a test key stops the start.
 */
@ApplicationScoped
public class DemoMerchantSeeder {
    private static final Logger LOG = Logger.getLogger(DemoMerchantSeeder.class);

    private final SeedDemoMerchantUseCase seed;
    private final GatewayConfig config;

    public DemoMerchantSeeder(SeedDemoMerchantUseCase seed, GatewayConfig config) {
        this.seed = seed;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        GatewayConfig.Demo demo = config.demo();
        if (!demo.enabled()) {
            return;
        }
        try {
            seed.seed(new DemoMerchant(demo.merchantId(), demo.merchantName(), demo.keyId(), demo.secret()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("paysuite.gateway.demo.secret: " + e.getMessage(), e);
        }
        LOG.infof("Demo merchant %s is ready with test key %s", demo.merchantId(), demo.keyId());
    }
}
