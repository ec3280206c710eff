package dev.paysuite.methods;

import dev.paysuite.platform.testing.ServiceHealthContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest extends ServiceHealthContract {
}
