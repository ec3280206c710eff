package dev.paysuite.gateway.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.gateway.application.domain.model.AdminActor;
import dev.paysuite.gateway.application.domain.model.AuditEvent;
import dev.paysuite.gateway.application.domain.model.AuditEventId;
import dev.paysuite.gateway.application.domain.model.IssuedKey;
import dev.paysuite.gateway.application.domain.model.ManagedKey;
import dev.paysuite.gateway.application.domain.model.Merchant;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.Permissions;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.port.out.LoadAuditEventsPort;
import dev.paysuite.gateway.application.port.out.LoadManagedKeyPort;
import dev.paysuite.gateway.application.port.out.LoadMerchantPort;
import dev.paysuite.gateway.application.port.out.RecordAuditEventPort;
import dev.paysuite.gateway.application.port.out.SaveManagedKeyPort;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin API's reads and writes over JDBC: merchants, keys (by id, never by secret) and the audit
 * log. Writes run in the transaction of the use-case step that calls them.
 */
@ApplicationScoped
public class AdminJdbcAdapter implements LoadMerchantPort, LoadManagedKeyPort, SaveManagedKeyPort,
        RecordAuditEventPort, LoadAuditEventsPort {
    private static final String KEY_COLUMNS = """
            id, merchant_id, mode, scopes, key_prefix, rate_limit, rate_window_seconds, burst_limit, created_at,
            expires_at, revoked_at""";
    private static final String EVENT_COLUMNS = """
            id, actor_client_id, actor_subject, actor_username, action, merchant_id, object_id, details::text AS details,
            created_at""";
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    public AdminJdbcAdapter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Merchant> loadMerchant(String merchantId) {
        return query("SELECT id, name, created_at FROM merchants WHERE id = ?", List.of(merchantId),
                r -> new Merchant(r.getString("id"), r.getString("name"), instant(r, "created_at"))).stream().findFirst();
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<ManagedKey> lockKey(String keyId) {
        return query("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE id = ? FOR UPDATE", List.of(keyId),
                AdminJdbcAdapter::key).stream().findFirst();
    }

    @Override
    public List<ManagedKey> keysOf(String merchantId) {
        return query("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE merchant_id = ? ORDER BY created_at DESC, id DESC",
                List.of(merchantId), AdminJdbcAdapter::key);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void insert(IssuedKey issued) {
        ManagedKey key = issued.key();
        update("""
                INSERT INTO api_keys (id, merchant_id, key_hash, key_prefix, mode, scopes, rate_limit, rate_window_seconds,
                                      burst_limit, created_at, expires_at, revoked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", key.id(), key.merchantId(), issued.secret().hash(),
                key.prefix(), key.mode().wireName(), key.permissions().wireScopes(), key.rateLimit().limit(),
                key.rateLimit().windowSeconds(), key.rateLimit().burst(), timestamp(key.createdAt()),
                timestamp(key.expiresAt()), timestamp(key.revokedAt()));
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void update(ManagedKey key) {
        update("""
                UPDATE api_keys SET rate_limit = ?, rate_window_seconds = ?, burst_limit = ?, expires_at = ?, revoked_at = ?
                WHERE id = ?""", key.rateLimit().limit(), key.rateLimit().windowSeconds(), key.rateLimit().burst(),
                timestamp(key.expiresAt()), timestamp(key.revokedAt()), key.id());
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void record(AuditEvent event) {
        String details;
        try {
            details = json.writeValueAsString(event.details());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the details of audit event " + event.id().value(), e);
        }
        update("""
                INSERT INTO admin_audit_events (id, actor_client_id, actor_subject, actor_username, action, merchant_id,
                                                object_id, details, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""", event.id().value(), event.actor().clientId(),
                event.actor().subject(), event.actor().username(), event.action().wireName(), event.merchantId(),
                event.objectId(), details, timestamp(event.createdAt()));
    }

    @Override
    public Optional<AuditEvent> loadAuditEvent(String id) {
        return query("SELECT " + EVENT_COLUMNS + " FROM admin_audit_events WHERE id = ?", List.of(id), this::event)
                .stream().findFirst();
    }

    @Override
    public Slice<AuditEvent> auditEvents(PageRequest request) {
        int limit = request.limit();
        List<AuditEvent> events;
        if (request instanceof PageRequest.After after) {
            events = query("SELECT " + EVENT_COLUMNS + " FROM admin_audit_events WHERE (created_at, id) < (?, ?) "
                    + "ORDER BY created_at DESC, id DESC LIMIT ?",
                    List.of(timestamp(after.cursorCreatedAt()), after.cursorId(), limit + 1), this::event);
        } else if (request instanceof PageRequest.Before before) {
            events = new ArrayList<>(query("SELECT " + EVENT_COLUMNS + " FROM admin_audit_events "
                    + "WHERE (created_at, id) > (?, ?) ORDER BY created_at ASC, id ASC LIMIT ?",
                    List.of(timestamp(before.cursorCreatedAt()), before.cursorId(), limit + 1), this::event));
            boolean more = events.size() > limit;
            List<AuditEvent> page = new ArrayList<>(events.subList(0, Math.min(limit, events.size())));
            Collections.reverse(page);
            return new Slice<>(page, more);
        } else {
            PageRequest.FromOffset offset = (PageRequest.FromOffset) request;
            events = query("SELECT " + EVENT_COLUMNS + " FROM admin_audit_events "
                    + "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", List.of(limit + 1, offset.offset()),
                    this::event);
        }
        return new Slice<>(events.subList(0, Math.min(limit, events.size())), events.size() > limit);
    }

    private interface RowMapper<T> {
        T map(ResultSet r) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> parameters, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            List<T> found = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    found.add(mapper.map(r));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("The admin store could not be read", e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The admin store could not be written", e);
        }
    }

    private static ManagedKey key(ResultSet r) throws SQLException {
        String scopes = r.getString("scopes");
        return new ManagedKey(r.getString("id"), r.getString("merchant_id"), Mode.fromWireName(r.getString("mode")),
                Permissions.parse(scopes), r.getString("key_prefix"),
                new RateLimitPolicy(r.getInt("rate_limit"), r.getInt("rate_window_seconds"), r.getInt("burst_limit")),
                instant(r, "created_at"), instant(r, "expires_at"), instant(r, "revoked_at"));
    }

    private AuditEvent event(ResultSet r) throws SQLException {
        Map<String, String> details;
        try {
            details = json.readValue(r.getString("details"), DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit event " + r.getString("id") + " has unreadable details", e);
        }
        return new AuditEvent(new AuditEventId(r.getString("id")), new AdminActor(r.getString("actor_client_id"),
                r.getString("actor_subject"), r.getString("actor_username")),
                AuditEvent.Action.fromWireName(r.getString("action")), r.getString("merchant_id"),
                r.getString("object_id"), details, instant(r, "created_at"));
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime at = r.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
