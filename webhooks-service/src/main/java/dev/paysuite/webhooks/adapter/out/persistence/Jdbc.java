package dev.paysuite.webhooks.adapter.out.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/** Small JDBC helpers of this package. */
final class Jdbc {
    private Jdbc() {
    }

    static void setInstant(PreparedStatement s, int i, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.TIMESTAMP);
        } else {
            s.setTimestamp(i, Timestamp.from(value));
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("Could not " + what + " (SQLState " + e.getSQLState() + ")", e);
    }
}
