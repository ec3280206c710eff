package dev.paysuite.methods.adapter.out.vault;

import dev.paysuite.kernel.id.Ids;
import dev.paysuite.methods.application.domain.model.VaultAccess;
import dev.paysuite.methods.application.domain.model.VaultSecret;
import dev.paysuite.methods.application.port.out.VaultPort;
import dev.paysuite.methods.config.VaultConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets into {@code vault_records} with AES-256-GCM under the active key (its id beside each
 * record), opens them, re-seals records of old keys, and derives keyed hashes (HMAC-SHA256) and each
 * merchant's fingerprints from the fingerprint key.
 */
@ApplicationScoped
public class VaultCryptoAdapter implements VaultPort {
    static final String RECORD_PREFIX = "vr_";
    static final String ROTATION_ACTOR = "operator:vault-key-rotation";
    private final AgroalDataSource dataSource;
    private final VaultKeys keys;
    private final VaultAuditJdbcAdapter audit;
    private final Clock clock;

    public VaultCryptoAdapter(AgroalDataSource dataSource, VaultConfig config, VaultAuditJdbcAdapter audit, Clock clock) {
        this.dataSource = dataSource;
        this.keys = new VaultKeys(config.keys(), config.activeKey(), config.fingerprintKey());
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Sealed seal(VaultSecret secret) {
        String id = Ids.generate(RECORD_PREFIX);
        byte[] sealed = AesGcm.seal(keys.active(), id, secret.secret());
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO vault_records (id, key_id, sealed, created_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, keys.activeId());
            s.setBytes(3, sealed);
            s.setTimestamp(4, Timestamp.from(clock.instant()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a vault record", e);
        }
        return new Sealed(id, secretHash(secret));
    }

    @Override
    public String secretHash(VaultSecret secret) {
        return hmac("secret:" + secret.secret());
    }

    @Override
    public String fingerprint(String merchantId, String secretHash) {
        return hmac("fingerprint:" + merchantId + ":" + secretHash).substring(0, 16);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.fingerprintKey(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }

    @Override
    public String open(String vaultRecordId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT key_id, sealed FROM vault_records WHERE id = ?")) {
            s.setString(1, vaultRecordId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Vault record " + vaultRecordId + " is missing");
                }
                return AesGcm.open(keys.get(rs.getString(1)), vaultRecordId, rs.getBytes(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a vault record", e);
        }
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public int resealBatch(int max) {
        record Stale(String id, String keyId, byte[] sealed) {
        }
        try (Connection c = dataSource.getConnection()) {
            List<Stale> stale = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, key_id, sealed FROM vault_records"
                    + " WHERE key_id <> ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                s.setString(1, keys.activeId());
                s.setInt(2, max);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        stale.add(new Stale(rs.getString(1), rs.getString(2), rs.getBytes(3)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE vault_records SET key_id = ?, sealed = ?, rotated_at = ? WHERE id = ?")) {
                for (Stale r : stale) {
                    String plaintext = AesGcm.open(keys.get(r.keyId()), r.id(), r.sealed());
                    s.setString(1, keys.activeId());
                    s.setBytes(2, AesGcm.seal(keys.active(), r.id(), plaintext));
                    s.setTimestamp(3, Timestamp.from(clock.instant()));
                    s.setString(4, r.id());
                    s.addBatch();
                    audit.record(new VaultAccess(clock.instant(), VaultAccess.ROTATE, ROTATION_ACTOR, r.id(), null,
                            "re-sealed from key " + r.keyId() + " to key " + keys.activeId()));
                }
                s.executeBatch();
            }
            return stale.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not re-seal vault records", e);
        }
    }

    @Override
    public long recordsOnOldKeys() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM vault_records WHERE key_id <> ?")) {
            s.setString(1, keys.activeId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count vault records", e);
        }
    }
}
