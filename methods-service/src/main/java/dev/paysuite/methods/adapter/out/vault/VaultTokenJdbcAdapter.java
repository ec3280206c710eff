package dev.paysuite.methods.adapter.out.vault;

import dev.paysuite.methods.application.domain.model.MethodType;
import dev.paysuite.methods.application.domain.model.ShownDetails;
import dev.paysuite.methods.application.domain.model.VaultToken;
import dev.paysuite.methods.application.port.out.TokenStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Table {@code vault_tokens}. */
@ApplicationScoped
public class VaultTokenJdbcAdapter implements TokenStore {
    private static final String COLUMNS = "id, merchant_id, livemode, type, brand, last4, exp_month, exp_year, funding,"
            + " vault_record_id, secret_hash, idempotency_key, created_at";
    private final AgroalDataSource dataSource;

    public VaultTokenJdbcAdapter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public boolean insert(VaultToken t) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO vault_tokens (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            s.setString(1, t.id());
            s.setString(2, t.merchantId());
            s.setBoolean(3, t.livemode());
            s.setString(4, t.type().apiName());
            s.setString(5, t.shown().brand());
            s.setString(6, t.shown().last4());
            setInt(s, 7, t.shown().expMonth());
            setInt(s, 8, t.shown().expYear());
            s.setString(9, t.shown().funding());
            s.setString(10, t.vaultRecordId());
            s.setString(11, t.secretHash());
            s.setString(12, t.idempotencyKey());
            s.setTimestamp(13, Timestamp.from(t.createdAt()));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a token", e);
        }
    }

    private static void setInt(PreparedStatement s, int i, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setInt(i, value);
        }
    }

    @Override
    public Optional<VaultToken> load(String merchantId, boolean livemode, String id) {
        return one("SELECT " + COLUMNS + " FROM vault_tokens WHERE id = ? AND livemode = ?"
                + " AND (merchant_id = ? OR (merchant_id IS NULL AND livemode = false))", id, livemode, merchantId);
    }

    @Override
    public Optional<VaultToken> byIdempotencyKey(String merchantId, boolean livemode, String idempotencyKey) {
        return one("SELECT " + COLUMNS + " FROM vault_tokens WHERE idempotency_key = ? AND livemode = ?"
                + " AND merchant_id = ?", idempotencyKey, livemode, merchantId);
    }

    @Override
    public boolean exists(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM vault_tokens WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a token", e);
        }
    }

    private Optional<VaultToken> one(String sql, String first, boolean livemode, String merchantId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, first);
            s.setBoolean(2, livemode);
            s.setString(3, merchantId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ShownDetails shown = new ShownDetails(rs.getString("brand"), rs.getString("last4"),
                        (Integer) rs.getObject("exp_month"), (Integer) rs.getObject("exp_year"), rs.getString("funding"),
                        Map.of());
                return Optional.of(new VaultToken(rs.getString("id"), rs.getString("merchant_id"),
                        rs.getBoolean("livemode"), MethodType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
                        shown, rs.getString("vault_record_id"), rs.getString("secret_hash"),
                        rs.getString("idempotency_key"), rs.getTimestamp("created_at").toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a token", e);
        }
    }
}
