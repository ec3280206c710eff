package dev.paysuite.payments.adapter.out.processor;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.id.Ids;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.payments.application.domain.model.DisputeEvidence;
import dev.paysuite.payments.application.domain.model.DisputeStatus;
import dev.paysuite.payments.application.port.out.DisputeAcquirerPort;
import dev.paysuite.payments.application.port.out.ProcessorRequest;
import dev.paysuite.payments.config.PaymentsConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulated acquirer's disputes, kept in its own table ({@code simulator_disputes}, written
 * outside any transaction of ours, like {@code simulator_operations}). A charge of test card
 * 4000000000000259 (reason {@code fraudulent}) or 4000000000002685 ({@code product_not_received})
 * is disputed in full {@code dispute-after} (3 s) after it settled, with evidence due
 * {@code dispute-evidence-window} (7 days) later. The issuer decides {@code dispute-decision-after}
 * (2 s) after the evidence is submitted, by this rule:
 * <ul>
 * <li>a shipping tracking number was given: {@code won} (the goods were delivered);</li>
 * <li>otherwise, the conversation with the customer was given: {@code closed} (the cardholder,
 * shown it, withdrew the dispute);</li>
 * <li>otherwise: {@code lost}.</li>
 * </ul>
 * No evidence by the deadline: {@code lost}. A dispute the merchant accepted is not decided.
 */
@ApplicationScoped
public class SimulatedDisputes implements DisputeAcquirerPort {
    /** The test cards whose charges are disputed, by last four digits, and the issuer's reason. */
    static final Map<String, String> DISPUTED = Map.of("0259", "fraudulent", "2685", "product_not_received");

    private final PaymentsConfig config;
    private final AgroalDataSource dataSource;
    private final Clock clock;

    public SimulatedDisputes(PaymentsConfig config, AgroalDataSource dataSource, Clock clock) {
        this.config = config;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The acquirer settled {@code request} (a charge, or a capture): a disputed card's cardholder disputes it. */
    void settled(ProcessorRequest request) {
        String last4 = request.instrument() == null ? null : request.instrument().last4();
        String reason = last4 == null ? null : DISPUTED.get(last4);
        if (reason == null) {
            return;
        }
        Instant opensAt = Now.of(clock).plus(config.simulator().disputeAfter());
        execute("""
                INSERT INTO simulator_disputes (reference, payment_id, merchant_id, livemode, amount, currency, reason,
                                                opens_at, evidence_due_by, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'opening') ON CONFLICT (payment_id) DO NOTHING""",
                Ids.generate("sim_dp_"), request.paymentId().value(), request.merchantId(), request.livemode(),
                request.amount().amount(), request.amount().currency().code(), reason, Timestamp.from(opensAt),
                Timestamp.from(opensAt.plus(config.simulator().disputeEvidenceWindow())));
    }

    @Override
    public List<Notice> notifications(int atMost) {
        Timestamp now = Timestamp.from(Now.of(clock));
        List<Notice> notices = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT reference, payment_id, merchant_id, livemode, amount, currency, reason, evidence_due_by, state,
                       decision
                  FROM simulator_disputes
                 WHERE (state = 'opening' AND opens_at <= ?) OR (state = 'reviewing' AND decides_at <= ?)
                    OR (state = 'open' AND evidence_due_by < ?)
                 ORDER BY opens_at LIMIT ?""")) {
            ps.setTimestamp(1, now);
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            ps.setInt(4, atMost);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    notices.add(notice(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the simulated acquirer cannot be reached", e);
        }
        return notices;
    }

    private static Notice notice(ResultSet rs) throws SQLException {
        String reference = rs.getString("reference");
        switch (rs.getString("state")) {
            case "opening":
                return new Opened(reference, rs.getString("merchant_id"), rs.getBoolean("livemode"),
                        new PaymentId(rs.getString("payment_id")),
                        new Money(rs.getLong("amount"), CurrencyUnit.of(rs.getString("currency"))),
                        rs.getString("reason"), rs.getTimestamp("evidence_due_by").toInstant());
            case "reviewing":
                return new Decided(reference, DisputeStatus.fromWire(rs.getString("decision")).orElseThrow());
            default: // open, with no evidence by the deadline
                return new Decided(reference, DisputeStatus.LOST);
        }
    }

    @Override
    public void acknowledge(Notice notice) {
        if (notice instanceof Opened) {
            execute("UPDATE simulator_disputes SET state = 'open' WHERE reference = ? AND state = 'opening'",
                    notice.reference());
        } else {
            execute("""
                    UPDATE simulator_disputes SET state = 'decided', decision = ?
                     WHERE reference = ? AND state IN ('open', 'reviewing')""",
                    ((Decided) notice).outcome().wireName(), notice.reference());
        }
    }

    @Override
    public void submitEvidence(String reference, DisputeEvidence evidence) {
        Instant decidesAt = Now.of(clock).plus(config.simulator().disputeDecisionAfter());
        execute("""
                UPDATE simulator_disputes SET state = 'reviewing', decision = ?, decides_at = ?
                 WHERE reference = ? AND state = 'open'""",
                decision(evidence).wireName(), Timestamp.from(decidesAt), reference);
    }

    /** The issuer's rule (see the class's documentation). */
    static DisputeStatus decision(DisputeEvidence evidence) {
        if (evidence.shippingTracking() != null) {
            return DisputeStatus.WON;
        }
        return evidence.customerCommunication() != null ? DisputeStatus.CLOSED : DisputeStatus.LOST;
    }

    @Override
    public void accept(String reference) {
        execute("UPDATE simulator_disputes SET state = 'accepted' WHERE reference = ? AND state = 'open'", reference);
    }

    private void execute(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the simulated acquirer cannot be reached", e);
        }
    }
}
