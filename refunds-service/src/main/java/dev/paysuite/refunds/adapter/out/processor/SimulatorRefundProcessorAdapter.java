package dev.paysuite.refunds.adapter.out.processor;

import dev.paysuite.kernel.error.ProcessorOutcomeUnknownException;
import dev.paysuite.kernel.id.Ids;
import dev.paysuite.refunds.application.domain.model.ProcessorOutcome;
import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.port.out.RefundInstruction;
import dev.paysuite.refunds.application.port.out.RefundProcessorPort;
import dev.paysuite.refunds.config.RefundsConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The simulated acquirer's refunds, deterministic by card: refunds succeed at once, except to the
 * card 4000000000005126, where the processor first answers "pending" and fails the refund a little
 * later (as a real acquirer reports a refund the card issuer refused). Like a real acquirer it
 * refunds what a key (the refund id) asks at most once and remembers it (table
 * {@code simulator_refunds}, written outside any transaction of ours, as the acquirer's own books
 * would be), so asking again or asking for the status answers the same, on any instance, after any
 * restart. To card …9979 it refunds, but its first answer is lost.
 */
@ApplicationScoped
public class SimulatorRefundProcessorAdapter implements RefundProcessorPort {
    static final String FAILS_LATER_CARD = "5126";
    static final String ANSWER_LOST_CARD = "9979";
    static final String SUCCEEDS = "sim_re_";
    static final String FAILS_LATER = "sim_re_fail_";
    static final String FAILURE_REASON = "expired_or_canceled_card";

    private final RefundsConfig config;
    private final Clock clock;
    private final AgroalDataSource dataSource;

    public SimulatorRefundProcessorAdapter(RefundsConfig config, Clock clock, AgroalDataSource dataSource) {
        this.config = config;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    @Override
    public ProcessorOutcome refund(RefundInstruction instruction) {
        String card = instruction.cardLast4();
        String reference = Ids.generate(FAILS_LATER_CARD.equals(card) ? FAILS_LATER : SUCCEEDS);
        boolean first;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO simulator_refunds (acquirer_key, reference, amount)
                VALUES (?, ?, ?) ON CONFLICT (acquirer_key) DO NOTHING""")) {
            ps.setString(1, instruction.refundId().value());
            ps.setString(2, reference);
            ps.setLong(3, instruction.amount().amount());
            first = ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new ProcessorOutcomeUnknownException("the simulated acquirer cannot be reached", e);
        }
        ProcessorOutcome done = known(instruction.refundId().value())
                .orElseThrow(() -> new IllegalStateException("the simulator lost " + instruction.refundId()));
        if (first && ANSWER_LOST_CARD.equals(card)) {
            throw new ProcessorOutcomeUnknownException("the simulated acquirer's answer was lost", null);
        }
        return done;
    }

    @Override
    public Optional<ProcessorOutcome> status(Refund refund) {
        return known(refund.id().value());
    }

    private Optional<ProcessorOutcome> known(String acquirerKey) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT reference, created_at FROM simulator_refunds WHERE acquirer_key = ?")) {
            ps.setString(1, acquirerKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String reference = rs.getString("reference");
                if (!reference.startsWith(FAILS_LATER)) {
                    return Optional.of(new ProcessorOutcome.Succeeded(reference));
                }
                Instant decidedAt = rs.getTimestamp("created_at").toInstant().plus(config.simulator().asyncFailureDelay());
                return Optional.of(Instant.now(clock).isBefore(decidedAt) ? new ProcessorOutcome.Pending(reference)
                        : new ProcessorOutcome.Failed(reference, FAILURE_REASON));
            }
        } catch (SQLException e) {
            throw new ProcessorOutcomeUnknownException("the simulated acquirer cannot be reached", e);
        }
    }
}
