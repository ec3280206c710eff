package dev.paysuite.methods.adapter.in.startup;

import dev.paysuite.methods.application.port.in.SeedTestMethodsUseCase;
import dev.paysuite.methods.config.VaultConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * At start, puts the test aliases ({@code pm_test_*}) and test tokens in the vault for every
 * merchant's test mode, and the demo merchant's methods when the demo is on (never in prod). Two
 * instances starting together may both try: the loser of a race tries once more and finds them there.
 */
@ApplicationScoped
public class TestMethodsSeeder {
    private static final Logger LOG = Logger.getLogger(TestMethodsSeeder.class);
    private final SeedTestMethodsUseCase seed;
    private final VaultConfig config;

    public TestMethodsSeeder(SeedTestMethodsUseCase seed, VaultConfig config) {
        this.seed = seed;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        String demo = config.demo().enabled() ? config.demo().merchantId() : null;
        int added;
        try {
            added = seed.seed(demo);
        } catch (RuntimeException raced) {
            LOG.infof("Seeding the test methods met another instance doing the same (%s); trying again",
                    raced.getClass().getSimpleName());
            added = seed.seed(demo);
        }
        if (added > 0) {
            LOG.infof("Put %d test payment methods and tokens in the vault", added);
        }
    }
}
