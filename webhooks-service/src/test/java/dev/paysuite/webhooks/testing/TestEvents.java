package dev.paysuite.webhooks.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Visible events written straight into the {@code events} table, as the consumers (another slice)
 * will: a position from the one counter, {@code fanned_out} false.
 */
public final class TestEvents {
    private final DataSource dataSource;

    public TestEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String insert(String merchantId, String type) {
        return insert(merchantId, type, Instant.now());
    }

    public String insert(String merchantId, String type, Instant createdAt) {
        return insert(merchantId, type, createdAt, null);
    }

    /** With the trace context it was consumed in, stored in the same step, as the consumer does. */
    public String insert(String merchantId, String type, Instant createdAt, String traceparent) {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long position;
            try (PreparedStatement p = c.prepareStatement("UPDATE event_positions SET last = last + 1 RETURNING last");
                    ResultSet rs = p.executeQuery()) {
                rs.next();
                position = rs.getLong(1);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO events (id, merchant_id, livemode, type,"
                    + " created_at, received_at, source_topic, payment_id, sequence, position, data, traceparent)"
                    + " VALUES (?, ?, false, ?, ?, now(), 'payments.events', ?, 1, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, merchantId);
                s.setString(3, type);
                s.setTimestamp(4, Timestamp.from(createdAt));
                s.setString(5, "pay_" + id.substring(4));
                s.setLong(6, position);
                s.setString(7, "{\"id\":\"pay_" + id.substring(4) + "\",\"object\":\"payment\",\"amount\":1000,"
                        + "\"currency\":\"eur\",\"note\":\"caf\u00e9\"}");
                s.setString(8, traceparent);
                s.executeUpdate();
            }
            c.commit();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String string(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
