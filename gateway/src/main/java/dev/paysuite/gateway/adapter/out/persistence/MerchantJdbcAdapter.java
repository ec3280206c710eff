package dev.paysuite.gateway.adapter.out.persistence;

import dev.paysuite.gateway.application.domain.model.ApiKey;
import dev.paysuite.gateway.application.domain.model.ApiKeySecret;
import dev.paysuite.gateway.application.domain.model.Merchant;
import dev.paysuite.gateway.application.port.out.CreateMerchantPort;
import dev.paysuite.gateway.application.port.out.SaveApiKeyPort;
import dev.paysuite.gateway.application.port.out.SaveMerchantPort;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;

/**
 * Writes merchants and API keys over JDBC, in the transaction of the use-case step that calls it
 * (key lookups on the request path use the reactive client instead: {@link ApiKeyPersistenceAdapter}).
 * Only the hash of a key's secret and its display prefix are stored.
 */
@ApplicationScoped
public class MerchantJdbcAdapter implements SaveMerchantPort, CreateMerchantPort, SaveApiKeyPort {
    private final AgroalDataSource dataSource;

    public MerchantJdbcAdapter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void saveIfMissing(String merchantId, String name) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO merchants (id, name, created_at) VALUES (?, ?, now()) ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, merchantId);
            ps.setString(2, name);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save merchant " + merchantId, e);
        }
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void create(Merchant merchant) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO merchants (id, name, created_at) VALUES (?, ?, ?)")) {
            ps.setString(1, merchant.id());
            ps.setString(2, merchant.name());
            ps.setObject(3, merchant.createdAt().atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create merchant " + merchant.id(), e);
        }
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void saveKeepingLimits(ApiKey key, ApiKeySecret secret) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO api_keys (id, merchant_id, key_hash, key_prefix, mode, rate_limit, rate_window_seconds,
                                      burst_limit, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (id) DO UPDATE SET merchant_id = excluded.merchant_id, key_hash = excluded.key_hash,
                    key_prefix = excluded.key_prefix, mode = excluded.mode, revoked_at = NULL""")) {
            ps.setString(1, key.id());
            ps.setString(2, key.merchantId());
            ps.setString(3, secret.hash());
            ps.setString(4, secret.displayPrefix());
            ps.setString(5, key.mode().wireName());
            ps.setInt(6, key.rateLimit().limit());
            ps.setInt(7, key.rateLimit().windowSeconds());
            ps.setInt(8, key.rateLimit().burst());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save API key " + key.id(), e);
        }
    }
}
