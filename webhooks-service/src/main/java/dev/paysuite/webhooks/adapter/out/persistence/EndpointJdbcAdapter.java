package dev.paysuite.webhooks.adapter.out.persistence;

import static dev.paysuite.webhooks.adapter.out.persistence.Jdbc.failed;
import static dev.paysuite.webhooks.adapter.out.persistence.Jdbc.instant;
import static dev.paysuite.webhooks.adapter.out.persistence.Jdbc.setInstant;

import dev.paysuite.kernel.id.WebhookEndpointId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.webhooks.application.domain.model.DeliveryUrl;
import dev.paysuite.webhooks.application.domain.model.EnabledEvents;
import dev.paysuite.webhooks.application.domain.model.EndpointStatus;
import dev.paysuite.webhooks.application.domain.model.SigningSecret;
import dev.paysuite.webhooks.application.domain.model.WebhookEndpoint;
import dev.paysuite.webhooks.application.port.out.EndpointStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Table {@code webhook_endpoints}; secrets sealed by {@link SecretSealer}, enabled events stored as a
 * comma-separated list, the dialect (null: canonical) written once, at insert.
 */
@ApplicationScoped
public class EndpointJdbcAdapter implements EndpointStore {
    private static final String COLUMNS = "id, merchant_id, livemode, url, enabled_events, description, status,"
            + " secret_sealed, previous_secret_sealed, previous_secret_expires_at, failing_since, last_success_at,"
            + " created_at, updated_at, dialect";
    private static final String OWNED = " WHERE id = ? AND merchant_id = ? AND livemode = ? AND NOT deleted";
    private final AgroalDataSource dataSource;
    private final SecretSealer sealer;

    public EndpointJdbcAdapter(AgroalDataSource dataSource, SecretSealer sealer) {
        this.dataSource = dataSource;
        this.sealer = sealer;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void insert(WebhookEndpoint e) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO webhook_endpoints (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, e.id().value());
            s.setString(2, e.merchantId());
            s.setBoolean(3, e.livemode());
            setMutable(s, 4, e);
            setInstant(s, 13, e.createdAt());
            setInstant(s, 14, e.updatedAt());
            s.setString(15, e.dialect().orElse(null));
            s.executeUpdate();
        } catch (SQLException x) {
            throw failed("store an endpoint", x);
        }
    }

    /** url, enabled_events, description, status, secrets, expiry, failing_since, last_success_at: 10 columns from {@code i}. */
    private void setMutable(PreparedStatement s, int i, WebhookEndpoint e) throws SQLException {
        s.setString(i, e.url().value());
        s.setString(i + 1, String.join(",", e.enabledEvents().types()));
        s.setString(i + 2, e.description());
        s.setString(i + 3, e.status().name());
        s.setBytes(i + 4, sealer.seal(e.id().value(), "current", e.secret()));
        s.setBytes(i + 5, e.previousSecret() == null ? null : sealer.seal(e.id().value(), "previous", e.previousSecret()));
        setInstant(s, i + 6, e.previousSecretExpiresAt());
        setInstant(s, i + 7, e.failingSince());
        setInstant(s, i + 8, e.lastSuccessAt());
    }

    @Override
    public Optional<WebhookEndpoint> load(String merchantId, boolean livemode, WebhookEndpointId id) {
        return one("SELECT " + COLUMNS + " FROM webhook_endpoints" + OWNED, id.value(), merchantId, livemode);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<WebhookEndpoint> lock(String merchantId, boolean livemode, WebhookEndpointId id) {
        return one("SELECT " + COLUMNS + " FROM webhook_endpoints" + OWNED + " FOR NO KEY UPDATE", id.value(), merchantId,
                livemode);
    }

    @Override
    public Optional<WebhookEndpoint> byId(WebhookEndpointId id) {
        return one("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = ? AND NOT deleted", id.value());
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<WebhookEndpoint> lockById(WebhookEndpointId id) {
        return one("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = ? AND NOT deleted FOR NO KEY UPDATE", id.value());
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void update(WebhookEndpoint e) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE webhook_endpoints SET url = ?, enabled_events = ?, description = ?, status = ?, secret_sealed = ?,"
                        + " previous_secret_sealed = ?, previous_secret_expires_at = ?, failing_since = ?,"
                        + " last_success_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
            setMutable(s, 1, e);
            setInstant(s, 10, e.updatedAt());
            s.setString(11, e.id().value());
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("Endpoint " + e.id() + " vanished while it was being changed");
            }
        } catch (SQLException x) {
            throw failed("update an endpoint", x);
        }
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void markDeleted(WebhookEndpointId id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE webhook_endpoints SET deleted = true, version = version + 1 WHERE id = ?")) {
            s.setString(1, id.value());
            s.executeUpdate();
        } catch (SQLException x) {
            throw failed("delete an endpoint", x);
        }
    }

    @Override
    public Slice<WebhookEndpoint> list(String merchantId, boolean livemode, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM webhook_endpoints WHERE merchant_id = ? AND livemode = ? AND NOT deleted");
        List<Object> params = new ArrayList<>(List.of(merchantId, livemode));
        boolean backwards = page instanceof PageRequest.Before;
        if (page instanceof PageRequest.After after) {
            sql.append(" AND (created_at, id) < (?, ?)");
            params.add(Timestamp.from(after.cursorCreatedAt()));
            params.add(after.cursorId());
        } else if (page instanceof PageRequest.Before before) {
            sql.append(" AND (created_at, id) > (?, ?)");
            params.add(Timestamp.from(before.cursorCreatedAt()));
            params.add(before.cursorId());
        }
        String dir = backwards ? "ASC" : "DESC";
        sql.append(" ORDER BY created_at ").append(dir).append(", id ").append(dir).append(" LIMIT ? OFFSET ?");
        params.add(page.limit() + 1);
        params.add(page instanceof PageRequest.FromOffset o ? o.offset() : 0);
        List<WebhookEndpoint> rows = many(sql.toString(), params.toArray());
        boolean hasMore = rows.size() > page.limit();
        List<WebhookEndpoint> items = new ArrayList<>(rows.subList(0, Math.min(rows.size(), page.limit())));
        if (backwards) {
            Collections.reverse(items);
        }
        return new Slice<>(items, hasMore);
    }

    @Override
    public long count(String merchantId, boolean livemode) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM webhook_endpoints WHERE merchant_id = ? AND livemode = ? AND NOT deleted")) {
            s.setString(1, merchantId);
            s.setBoolean(2, livemode);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException x) {
            throw failed("count endpoints", x);
        }
    }

    @Override
    public List<WebhookEndpoint> enabledOf(String merchantId, boolean livemode) {
        return many("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE merchant_id = ? AND livemode = ?"
                + " AND status = 'ENABLED' AND NOT deleted", merchantId, livemode);
    }

    private Optional<WebhookEndpoint> one(String sql, Object... params) {
        List<WebhookEndpoint> rows = many(sql, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<WebhookEndpoint> many(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<WebhookEndpoint> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(toDomain(rs));
                }
            }
            return rows;
        } catch (SQLException x) {
            throw failed("read endpoints", x);
        }
    }

    private WebhookEndpoint toDomain(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        byte[] previous = rs.getBytes("previous_secret_sealed");
        SigningSecret previousSecret = previous == null ? null : sealer.open(id, "previous", previous);
        return new WebhookEndpoint(new WebhookEndpointId(id), rs.getString("merchant_id"), rs.getBoolean("livemode"),
                DeliveryUrl.parse(rs.getString("url")),
                new EnabledEvents(Arrays.asList(rs.getString("enabled_events").split(","))), rs.getString("description"),
                rs.getString("dialect"), EndpointStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                sealer.open(id, "current", rs.getBytes("secret_sealed")), previousSecret,
                previousSecret == null ? null : instant(rs, "previous_secret_expires_at"), instant(rs, "failing_since"),
                instant(rs, "last_success_at"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
