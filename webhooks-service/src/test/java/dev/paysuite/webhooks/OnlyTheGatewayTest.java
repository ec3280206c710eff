package dev.paysuite.webhooks;

import dev.paysuite.platform.testing.GatewayOnlyContract;
import io.quarkus.test.junit.QuarkusTest;

/** A direct call to webhooks-service without the gateway's valid identity token is 401. */
@QuarkusTest
class OnlyTheGatewayTest extends GatewayOnlyContract {
    @Override
    protected String publicRoute() {
        return "/v1/events";
    }
}
