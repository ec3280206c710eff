package dev.paysuite.gateway.config;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start when {@code X-Forwarded-For} would be believed from anyone: with address
 * forwarding on and no {@code quarkus.http.proxy.trusted-proxies}, Quarkus trusts every peer, and
 * any client could choose the address its failed authentications are counted against. Trusting
 * everyone stays possible, but only said out loud ({@code 0.0.0.0/0,::/0}).
 */
@Startup
@Singleton
public class TrustedProxies {

    TrustedProxies(@ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trusted) {
        check(forwarding, trusted);
    }

    static void check(boolean forwarding, Optional<List<String>> trusted) {
        if (forwarding && trusted.map(List::isEmpty).orElse(true)) {
            throw new IllegalStateException("quarkus.http.proxy.proxy-address-forwarding is on without "
                    + "quarkus.http.proxy.trusted-proxies, which would trust X-Forwarded-For from any client: "
                    + "list the proxies' addresses or subnets");
        }
    }
}
