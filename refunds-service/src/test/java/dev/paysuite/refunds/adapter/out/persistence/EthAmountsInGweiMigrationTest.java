package dev.paysuite.refunds.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.platform.testing.ScratchSchema;
import dev.paysuite.refunds.application.domain.model.PaymentSnapshot;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V2 against real PostgreSQL: ETH refunds and views of ETH payments written as V1 stored them (in
 * wei) become gwei, rounded up, and what refunds claim of a payment stays the sum of its refunds.
 */
class EthAmountsInGweiMigrationTest {
    ScratchSchema db;

    @BeforeEach
    void schemaAsV1LeftIt() throws SQLException {
        db = ScratchSchema.recreate("paysuite_refunds_test", "v2_eth_in_gwei").migrateTo("1");
    }

    void payment(String id, String currency, long amount, long captured, long reserved) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO refundable_payments (payment_id, merchant_id, livemode, currency, amount, amount_captured,
                    status, card_last4, last_sequence, amount_reserved, refund_event_sequence, updated_at)
                VALUES (?, 'mer_migration', false, ?, ?, ?, 'succeeded', NULL, 2, ?, 0, now())""")) {
            ps.setString(1, id);
            ps.setString(2, currency);
            ps.setLong(3, amount);
            ps.setLong(4, captured);
            ps.setLong(5, reserved);
            ps.executeUpdate();
        }
    }

    void refund(String id, String paymentId, String currency, long amount, String status) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO refunds (id, payment_id, merchant_id, livemode, amount, currency, status, created_at,
                    updated_at)
                VALUES (?, ?, 'mer_migration', false, ?, ?, ?, now(), now())""")) {
            ps.setString(1, id);
            ps.setString(2, paymentId);
            ps.setLong(3, amount);
            ps.setString(4, currency);
            ps.setString(5, status);
            ps.executeUpdate();
        }
    }

    /** amount, amount_captured and amount_reserved of a payment's view. */
    List<Long> view(String paymentId) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT amount, amount_captured, amount_reserved FROM refundable_payments WHERE payment_id = ?")) {
            ps.setString(1, paymentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    long refundAmount(String id) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT amount FROM refunds WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    RefundablePayment loaded(String paymentId) throws SQLException {
        List<Long> v = view(paymentId);
        return new RefundablePayment(new PaymentSnapshot(new PaymentId(paymentId), "mer_migration", false,
                CurrencyUnit.of("ETH"), v.get(0), v.get(1), "succeeded", null, 2), v.get(2), 0, 0);
    }

    @Test
    void ethRefundsAndPaymentViewsBecomeGweiRoundedUp() throws SQLException {
        payment("pay_eth", "ETH", 99_999_999_999L, 99_999_999_999L, 30_000_000_001L);
        refund("ref_done", "pay_eth", "ETH", 1, "SUCCEEDED");
        refund("ref_pending", "pay_eth", "ETH", 30_000_000_000L, "PENDING");
        refund("ref_failed", "pay_eth", "ETH", 5, "FAILED");
        payment("pay_untouched", "ETH", 2_500_000_000L, 1_500_000_000L, 0);
        db.migrateToLatest();

        assertEquals(1, refundAmount("ref_done"));
        assertEquals(30, refundAmount("ref_pending"));
        assertEquals(1, refundAmount("ref_failed"));
        assertEquals(List.of(100L, 100L, 31L), view("pay_eth"));
        assertEquals(List.of(3L, 2L, 0L), view("pay_untouched"));
        assertEquals(69, loaded("pay_eth").remaining());
    }

    @Test
    void refundsThatWereFractionsOfAGweiStillAddUpToWhatThePaymentCounts() throws SQLException {
        // 100 wei captured, two refunds of 5 wei: each becomes 1 gwei, more than the 1 gwei captured.
        payment("pay_dust", "ETH", 100, 100, 10);
        refund("ref_a", "pay_dust", "ETH", 5, "SUCCEEDED");
        refund("ref_b", "pay_dust", "ETH", 5, "PENDING");
        db.migrateToLatest();

        assertEquals(List.of(2L, 2L, 2L), view("pay_dust"));
        RefundablePayment payment = loaded("pay_dust");
        assertEquals(0, payment.remaining());
        // The pending refund fails: it gives back exactly what it claims, never more than is reserved.
        assertEquals(1, payment.release(refundAmount("ref_b")).amountReserved());
    }

    @Test
    void otherCurrenciesAreLeftAlone() throws SQLException {
        payment("pay_usd", "USD", 99_999_999_999L, 99_999_999_999L, 15);
        refund("ref_usd_a", "pay_usd", "USD", 5, "SUCCEEDED");
        refund("ref_usd_b", "pay_usd", "USD", 10, "PENDING");
        payment("pay_btc", "BTC", 5_000_000_001L, 5_000_000_001L, 0);
        db.migrateToLatest();

        assertEquals(List.of(99_999_999_999L, 99_999_999_999L, 15L), view("pay_usd"));
        assertEquals(5, refundAmount("ref_usd_a"));
        assertEquals(10, refundAmount("ref_usd_b"));
        assertEquals(List.of(5_000_000_001L, 5_000_000_001L, 0L), view("pay_btc"));
    }

    @Test
    void convertedRefundsAreAmountsTheDomainTakes() throws SQLException {
        payment("pay_eth", "ETH", 99_999_999_999L, 99_999_999_999L, 99_999_999_999L);
        refund("ref_all", "pay_eth", "ETH", 99_999_999_999L, "SUCCEEDED");
        db.migrateToLatest();
        assertEquals(100, new Money(refundAmount("ref_all"), CurrencyUnit.of("ETH")).amount());
        assertEquals(0, loaded("pay_eth").remaining());
    }
}
