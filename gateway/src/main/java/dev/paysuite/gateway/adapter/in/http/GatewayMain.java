package dev.paysuite.gateway.adapter.in.http;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the gateway. Quarkus's HTTP layer refuses a request target that is not a valid URI (a '%'
 * without two hex digits after it, a raw '|') with a bare 400 before any route runs; turned off
 * here, so that the gateway refuses those itself with the error object. The switch is a system
 * property Quarkus reads when its HTTP classes load, so it is set before Quarkus starts.
 */
@QuarkusMain
public final class GatewayMain {
    static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    private GatewayMain() {
    }

    public static void main(String... args) {
        System.setProperty(DISABLE_URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}
