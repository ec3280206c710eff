package dev.paysuite.methods.adapter.out.vault;

import dev.paysuite.methods.application.domain.model.VaultAccess;
import dev.paysuite.methods.application.port.out.VaultAuditPort;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The vault's audit log: table {@code vault_audit} (operators read it with SQL, README: audit log),
 * and the same line on the log category {@code dev.paysuite.vault.audit}. Never the secret.
 */
@ApplicationScoped
public class VaultAuditJdbcAdapter implements VaultAuditPort {
    private static final Logger AUDIT = Logger.getLogger("dev.paysuite.vault.audit");
    private final AgroalDataSource dataSource;

    public VaultAuditJdbcAdapter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void record(VaultAccess access) {
        Object requestId = MDC.get("requestId");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO vault_audit (at, action, actor, vault_record_id,"
                        + " instrument, reason, request_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setTimestamp(1, Timestamp.from(access.at()));
            s.setString(2, access.action());
            s.setString(3, access.actor());
            s.setString(4, access.vaultRecordId());
            s.setString(5, access.instrument());
            s.setString(6, access.reason());
            s.setString(7, requestId == null ? null : requestId.toString());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the vault's audit log", e);
        }
        AUDIT.infof("vault %s by %s of record %s (%s): %s", access.action(), access.actor(), access.vaultRecordId(),
                access.instrument() == null ? "-" : access.instrument(), access.reason());
    }
}
