package dev.paysuite.refunds;

import dev.paysuite.platform.testing.ServiceHealthContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest extends ServiceHealthContract {
}
