package dev.paysuite.payments.adapter.in.startup;

import dev.paysuite.kernel.money.Money;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.port.in.SeedDemoPaymentsUseCase.DemoPayment;
import dev.paysuite.payments.application.port.in.SeedDemoPaymentsUseCase;
import dev.paysuite.payments.config.PaymentsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/** At startup of a local run, gives the demo merchant the payments seed 002's examples refer to. */
@ApplicationScoped
public class DemoPaymentsSeeder {
    private static final Logger LOG = Logger.getLogger(DemoPaymentsSeeder.class);
    /** The demo merchant's stored method seed 002's payments were paid with (methods-service keeps it). */
    static final String DEMO_METHOD = "pm_1234567890";
    /** The card behind it when those payments were made, as a payment records it: never asked again. */
    static final PaymentInstrument DEMO_CARD = new PaymentInstrument(PaymentInstrument.CARD, "visa", "4242", 12, 2034,
            null);

    private final SeedDemoPaymentsUseCase seed;
    private final PaymentsConfig config;

    public DemoPaymentsSeeder(SeedDemoPaymentsUseCase seed, PaymentsConfig config) {
        this.seed = seed;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        PaymentsConfig.Demo demo = config.demo();
        if (!demo.enabled()) {
            return;
        }
        List<DemoPayment> payments = demo.payments().stream().map(spec -> {
            String[] parts = spec.split(":");
            return new DemoPayment(parts[0], Money.of(Long.parseLong(parts[1]), parts[2]), DEMO_METHOD, DEMO_CARD);
        }).toList();
        try {
            seed.seed(demo.merchantId(), payments);
        } catch (RuntimeException e) {
            // Another instance seeding at the same moment wins the insert; the data is there either way.
            LOG.infof("Demo payments not seeded by this instance: %s", e.getMessage());
        }
    }
}
