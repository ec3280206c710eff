package dev.paysuite.payments.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.platform.testing.ScratchSchema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V3 against real PostgreSQL: ETH rows written as V2 stored them (in wei) become gwei, rounded up,
 * and every other currency is left alone.
 */
class EthAmountsInGweiMigrationTest {
    ScratchSchema db;

    @BeforeEach
    void schemaAsV2LeftIt() throws SQLException {
        db = ScratchSchema.recreate("paysuite_payments_test", "v3_eth_in_gwei").migrateTo("2");
    }

    void insert(String id, String currency, long amount, long captured, long refunded, String status)
            throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO payments (id, merchant_id, livemode, amount, amount_captured, amount_refunded, currency,
                    status, capture_method, payment_method_id, instrument_type, created_at, updated_at, event_sequence)
                VALUES (?, 'mer_migration', false, ?, ?, ?, ?, ?, 'AUTOMATIC', 'pm_test_ethereum', 'ethereum', now(),
                    now(), 2)""")) {
            ps.setString(1, id);
            ps.setLong(2, amount);
            ps.setLong(3, captured);
            ps.setLong(4, refunded);
            ps.setString(5, currency);
            ps.setString(6, status);
            ps.executeUpdate();
        }
    }

    /** amount, amount_captured, amount_refunded and status of a payment. */
    List<Object> row(String id) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT amount, amount_captured, amount_refunded, status FROM payments WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4));
            }
        }
    }

    static long gweiRoundedUp(long wei) {
        return BigDecimal.valueOf(wei).divide(BigDecimal.valueOf(1_000_000_000L), RoundingMode.CEILING).longValueExact();
    }

    @Test
    void ethAmountsBecomeGweiRoundedUp() throws SQLException {
        insert("pay_largest", "ETH", 99_999_999_999L, 99_999_999_999L, 0, "SUCCEEDED");
        insert("pay_whole", "ETH", 7_000_000_000L, 7_000_000_000L, 2_000_000_000L, "PARTIALLY_REFUNDED");
        insert("pay_fraction", "ETH", 5_000_000_001L, 3_000_000_000L, 1, "PARTIALLY_REFUNDED");
        insert("pay_one_wei", "ETH", 1, 0, 0, "REQUIRES_CAPTURE");
        db.migrateToLatest();

        assertEquals(List.of(100L, 100L, 0L, "SUCCEEDED"), row("pay_largest"));
        assertEquals(List.of(7L, 7L, 2L, "PARTIALLY_REFUNDED"), row("pay_whole"));
        assertEquals(List.of(6L, 3L, 1L, "PARTIALLY_REFUNDED"), row("pay_fraction"));
        assertEquals(List.of(1L, 0L, 0L, "REQUIRES_CAPTURE"), row("pay_one_wei"));
    }

    @Test
    void aRemainderUnderAGweiLeftToRefundMakesThePaymentRefunded() throws SQLException {
        insert("pay_sub_gwei", "ETH", 10, 10, 5, "PARTIALLY_REFUNDED");
        db.migrateToLatest();
        assertEquals(List.of(1L, 1L, 1L, "REFUNDED"), row("pay_sub_gwei"));
    }

    @Test
    void otherCurrenciesAreLeftAlone() throws SQLException {
        insert("pay_usd", "USD", 99_999_999_999L, 99_999_999_999L, 1, "PARTIALLY_REFUNDED");
        insert("pay_btc", "BTC", 5_000_000_001L, 5_000_000_001L, 0, "SUCCEEDED");
        insert("pay_jpy", "JPY", 10, 10, 5, "PARTIALLY_REFUNDED");
        db.migrateToLatest();
        assertEquals(List.of(99_999_999_999L, 99_999_999_999L, 1L, "PARTIALLY_REFUNDED"), row("pay_usd"));
        assertEquals(List.of(5_000_000_001L, 5_000_000_001L, 0L, "SUCCEEDED"), row("pay_btc"));
        assertEquals(List.of(10L, 10L, 5L, "PARTIALLY_REFUNDED"), row("pay_jpy"));
    }

    @Test
    void everyConvertedRowKeepsTheConstraintsAndIsAnAmountTheDomainTakes() throws SQLException {
        long[] wei = {1, 2, 999_999_999, 1_000_000_000, 1_000_000_001, 1_999_999_999, 2_000_000_000,
                12_345_678_901L, 99_999_999_998L, 99_999_999_999L};
        // Every pair of amount >= captured from the list, half of the captured refunded.
        for (int i = 0; i < wei.length; i++) {
            for (int j = 0; j <= i; j++) {
                long refunded = wei[j] / 2;
                insert("pay_" + i + "_" + j, "ETH", wei[i], wei[j], refunded,
                        refunded == 0 ? "SUCCEEDED" : "PARTIALLY_REFUNDED");
            }
        }
        db.migrateToLatest();

        int rows = 0;
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, amount, amount_captured, amount_refunded FROM payments")) {
            while (rs.next()) {
                String[] ij = rs.getString("id").split("_");
                long amount = wei[Integer.parseInt(ij[1])];
                long captured = wei[Integer.parseInt(ij[2])];
                assertEquals(gweiRoundedUp(amount), rs.getLong("amount"));
                assertEquals(gweiRoundedUp(captured), rs.getLong("amount_captured"));
                assertEquals(gweiRoundedUp(captured / 2), rs.getLong("amount_refunded"));
                assertEquals(rs.getLong("amount"), new Money(rs.getLong("amount"), CurrencyUnit.of("ETH")).amount());
                rows++;
            }
        }
        assertEquals(wei.length * (wei.length + 1) / 2, rows);
        // The CHECKs held through the UPDATE (it would have failed otherwise) and still guard the table.
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT count(*) FROM pg_constraint
                WHERE conrelid = 'payments'::regclass AND contype = 'c' AND convalidated
                  AND conname IN ('payments_amount_check', 'payments_captured_within_amount',
                                  'payments_refunded_within_captured', 'payments_one_source')""")) {
            rs.next();
            assertEquals(4, rs.getInt(1), "the amount constraints of V1, as later versions keep them");
        }
    }
}
