package dev.paysuite.gateway.testing;

import dev.paysuite.gateway.application.domain.model.ApiKeySecret;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Onboards a merchant with an API key of its own straight into the gateway's test database (quicker
 * than the admin API, which {@code AdminApiTest} covers), stored as the gateway stores keys: only the
 * SHA-256 of the secret.
 * Every key and merchant has fresh ids, so tests and runs never share one.
 */
public final class TestKeys {

    public record TestKey(String merchantId, String keyId, String secret) {
        public String bearer() {
            return "Bearer " + secret;
        }
    }

    private final DataSource dataSource;

    public TestKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public TestKey create(String mode, int limit, int windowSeconds, int burst) {
        return create(mode, limit, windowSeconds, burst, null);
    }

    /** A restricted key ({@code rk_}) of a new merchant, allowed only {@code scopes} (space-separated). */
    public TestKey createRestricted(String scopes) {
        return create("test", 100_000, 60, 10_000, scopes);
    }

    private TestKey create(String mode, int limit, int windowSeconds, int burst, String scopes) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String kind = scopes == null ? "sk_" : "rk_";
        TestKey key = new TestKey("mer_" + id, "key_" + id, kind + mode + "_" + UUID.randomUUID().toString().replace("-", ""));
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO merchants (id, name, created_at) VALUES (?, ?, now())")) {
                ps.setString(1, key.merchantId());
                ps.setString(2, "Test merchant " + id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO api_keys (id, merchant_id, key_hash, key_prefix, mode, rate_limit, rate_window_seconds,
                                          burst_limit, scopes, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())""")) {
                ps.setString(1, key.keyId());
                ps.setString(2, key.merchantId());
                ps.setString(3, ApiKeySecret.sha256(key.secret()));
                ps.setString(4, key.secret().substring(0, 12));
                ps.setString(5, mode);
                ps.setInt(6, limit);
                ps.setInt(7, windowSeconds);
                ps.setInt(8, burst);
                ps.setString(9, scopes);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not onboard a test merchant", e);
        }
        return key;
    }

    /** A test-mode key whose limits never get in a functional test's way. */
    public TestKey create() {
        return create("test", 100_000, 60, 10_000);
    }

    public void revoke(TestKey key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET revoked_at = now() WHERE id = ?")) {
            ps.setString(1, key.keyId());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("No key " + key.keyId());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
