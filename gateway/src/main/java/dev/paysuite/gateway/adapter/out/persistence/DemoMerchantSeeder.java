package dev.paysuite.gateway.adapter.out.persistence;

import dev.paysuite.gateway.application.domain.model.ApiKeySecret;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.config.GatewayConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Makes sure the demo merchant and its test key (seed 002's) exist when the demo is enabled,
 * as a local run needs. Idempotent; only the key's hash is stored.
 */
@ApplicationScoped
public class DemoMerchantSeeder {
    private static final Logger LOG = Logger.getLogger(DemoMerchantSeeder.class);

    private final AgroalDataSource dataSource;
    private final GatewayConfig config;
    private final RateLimitPolicy defaultPolicy;

    public DemoMerchantSeeder(AgroalDataSource dataSource, GatewayConfig config, RateLimitPolicy defaultPolicy) {
        this.dataSource = dataSource;
        this.config = config;
        this.defaultPolicy = defaultPolicy;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        GatewayConfig.Demo demo = config.demo();
        if (!demo.enabled()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO merchants (id, name, created_at) VALUES (?, 'Demo merchant', now()) ON CONFLICT DO NOTHING")) {
                ps.setString(1, demo.merchantId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO api_keys (id, merchant_id, key_hash, key_prefix, mode, rate_limit, rate_window_seconds,
                                          burst_limit, created_at)
                    VALUES (?, ?, ?, ?, 'test', ?, ?, ?, now()) ON CONFLICT DO NOTHING""")) {
                ps.setString(1, demo.keyId());
                ps.setString(2, demo.merchantId());
                ps.setString(3, ApiKeySecret.sha256(demo.secret()));
                ps.setString(4, demo.secret().substring(0, 12));
                ps.setInt(5, defaultPolicy.limit());
                ps.setInt(6, defaultPolicy.windowSeconds());
                ps.setInt(7, defaultPolicy.burst());
                ps.executeUpdate();
            }
        }
        LOG.infof("Demo merchant %s is ready (test key %s…)", demo.merchantId(), demo.secret().substring(0, 12));
    }
}
