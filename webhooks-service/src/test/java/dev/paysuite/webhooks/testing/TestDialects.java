package dev.paysuite.webhooks.testing;

import dev.paysuite.dialects.Dialects;
import dev.paysuite.webhooks.adapter.out.dialect.DialectBodies;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * In the module's tests, the webhooks adapter knows {@link TestDialect} besides the dialects the
 * gateway serves (a fixed list, empty until the seeds' dialects are written).
 */
@Singleton
public class TestDialects {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    DialectBodies dialectBodies() {
        TestDialect test = new TestDialect();
        return new DialectBodies(name -> test.name().equals(name) ? Optional.of(test) : Dialects.named(name));
    }
}
