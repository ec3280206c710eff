package dev.paysuite.gateway.adapter.out.persistence;

import dev.paysuite.gateway.application.domain.model.ApiKeySecret;
import dev.paysuite.gateway.application.domain.model.Mode;
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
 * Makes sure the demo merchant and its test key (seed 002's) exist and work when the demo is
 * enabled, so that a local run answers the seeds' curl examples. Idempotent, safe for replicas
 * starting together, and it keeps limits an operator has changed. Only the key's hash is stored.
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
        ApiKeySecret secret = ApiKeySecret.parse(demo.secret())
                .filter(s -> s.mode() == Mode.TEST)
                .orElseThrow(() -> new IllegalStateException("paysuite.gateway.demo.secret must be an sk_test_ key"));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO merchants (id, name, created_at) VALUES (?, ?, now()) ON CONFLICT (id) DO NOTHING")) {
                ps.setString(1, demo.merchantId());
                ps.setString(2, demo.merchantName());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO api_keys (id, merchant_id, key_hash, key_prefix, mode, rate_limit, rate_window_seconds,
                                          burst_limit, created_at)
                    VALUES (?, ?, ?, ?, 'test', ?, ?, ?, now())
                    ON CONFLICT (id) DO UPDATE SET merchant_id = excluded.merchant_id, key_hash = excluded.key_hash,
                        key_prefix = excluded.key_prefix, mode = 'test', revoked_at = NULL""")) {
                ps.setString(1, demo.keyId());
                ps.setString(2, demo.merchantId());
                ps.setString(3, secret.hash());
                ps.setString(4, secret.displayPrefix());
                ps.setInt(5, defaultPolicy.limit());
                ps.setInt(6, defaultPolicy.windowSeconds());
                ps.setInt(7, defaultPolicy.burst());
                ps.executeUpdate();
            }
            c.commit();
        }
        LOG.infof("Demo merchant %s is ready with test key %s", demo.merchantId(), demo.keyId());
    }
}
