package dev.paysuite.refunds.adapter.out.persistence;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.refunds.application.domain.model.PaymentSnapshot;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import dev.paysuite.refunds.application.port.out.LoadRefundablePaymentPort;
import dev.paysuite.refunds.application.port.out.SaveRefundablePaymentPort;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The local view of payments (table {@code refundable_payments}), in plain SQL: reads must see
 * the latest committed row every time (no ORM cache in between while a request waits for news),
 * and the upsert must refuse an older state of the payment atomically. The table's CHECK
 * ({@code refunds_and_disputes_never_exceed_captured}) is the last word on what refunds and
 * disputes claim of a payment.
 */
@ApplicationScoped
public class RefundablePaymentJdbcAdapter implements LoadRefundablePaymentPort, SaveRefundablePaymentPort {
    private static final String COLUMNS = """
            payment_id, merchant_id, livemode, currency, amount, amount_captured, status, card_last4, last_sequence,
            amount_reserved, amount_disputed, amount_disputed_reported, refund_event_sequence""";

    private final AgroalDataSource dataSource;

    public RefundablePaymentJdbcAdapter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<RefundablePayment> find(PaymentId paymentId) {
        return query("SELECT " + COLUMNS + " FROM refundable_payments WHERE payment_id = ?", paymentId);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<RefundablePayment> lock(PaymentId paymentId) {
        return query("SELECT " + COLUMNS + " FROM refundable_payments WHERE payment_id = ? FOR UPDATE", paymentId);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void save(RefundablePayment view) {
        PaymentSnapshot p = view.payment();
        String sql = "INSERT INTO refundable_payments (" + COLUMNS + ", updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) "
                + "ON CONFLICT (payment_id) DO UPDATE SET currency = EXCLUDED.currency, amount = EXCLUDED.amount, "
                + "amount_captured = EXCLUDED.amount_captured, status = EXCLUDED.status, "
                + "card_last4 = EXCLUDED.card_last4, last_sequence = EXCLUDED.last_sequence, "
                + "amount_reserved = EXCLUDED.amount_reserved, amount_disputed = EXCLUDED.amount_disputed, "
                + "amount_disputed_reported = EXCLUDED.amount_disputed_reported, "
                + "refund_event_sequence = EXCLUDED.refund_event_sequence, "
                + "updated_at = now() "
                + "WHERE refundable_payments.last_sequence <= EXCLUDED.last_sequence";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, p.paymentId().value());
            ps.setString(2, p.merchantId());
            ps.setBoolean(3, p.livemode());
            ps.setString(4, p.currency().code());
            ps.setLong(5, p.amount());
            ps.setLong(6, p.amountCaptured());
            ps.setString(7, p.status());
            ps.setString(8, p.cardLast4());
            ps.setLong(9, p.sequence());
            ps.setLong(10, view.amountReserved());
            ps.setLong(11, view.amountDisputed());
            ps.setLong(12, view.amountDisputedReported());
            ps.setLong(13, view.refundEventSequence());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save the view of payment " + p.paymentId(), e);
        }
    }

    private Optional<RefundablePayment> query(String sql, PaymentId paymentId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, paymentId.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                PaymentSnapshot p = new PaymentSnapshot(new PaymentId(rs.getString("payment_id")),
                        rs.getString("merchant_id"), rs.getBoolean("livemode"), CurrencyUnit.of(rs.getString("currency")),
                        rs.getLong("amount"),
                        rs.getLong("amount_captured"), rs.getString("status"), rs.getString("card_last4"),
                        rs.getLong("last_sequence"));
                return Optional.of(new RefundablePayment(p, rs.getLong("amount_reserved"),
                        rs.getLong("amount_disputed"), rs.getLong("amount_disputed_reported"),
                        rs.getLong("refund_event_sequence")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the view of payment " + paymentId, e);
        }
    }
}
