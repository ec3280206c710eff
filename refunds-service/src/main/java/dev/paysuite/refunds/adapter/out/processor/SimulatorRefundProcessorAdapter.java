package dev.paysuite.refunds.adapter.out.processor;

import dev.paysuite.kernel.id.Ids;
import dev.paysuite.refunds.application.domain.model.ProcessorOutcome;
import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.port.out.RefundInstruction;
import dev.paysuite.refunds.application.port.out.RefundProcessorPort;
import dev.paysuite.refunds.config.RefundsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * The simulated acquirer's refunds, deterministic by card: refunds succeed at once, except to the
 * card 4000000000005126, where the processor first answers "pending" and fails the refund a little
 * later (as a real acquirer reports a refund the card issuer refused). The outcome travels in the
 * reference, so any instance, after any restart, reads it back the same.
 */
@ApplicationScoped
public class SimulatorRefundProcessorAdapter implements RefundProcessorPort {
    static final String FAILS_LATER_CARD = "5126";
    static final String SUCCEEDS = "sim_re_";
    static final String FAILS_LATER = "sim_re_fail_";
    static final String FAILURE_REASON = "expired_or_canceled_card";

    private final RefundsConfig config;
    private final Clock clock;

    public SimulatorRefundProcessorAdapter(RefundsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public ProcessorOutcome refund(RefundInstruction instruction) {
        if (FAILS_LATER_CARD.equals(instruction.cardLast4())) {
            return new ProcessorOutcome.Pending(Ids.generate(FAILS_LATER));
        }
        return new ProcessorOutcome.Succeeded(Ids.generate(SUCCEEDS));
    }

    @Override
    public ProcessorOutcome status(Refund refund) {
        String reference = refund.processorReference();
        if (reference == null || !reference.startsWith(FAILS_LATER)) {
            return new ProcessorOutcome.Succeeded(reference);
        }
        Instant decidedAt = refund.createdAt().plus(config.simulator().asyncFailureDelay());
        return Instant.now(clock).isBefore(decidedAt)
                ? new ProcessorOutcome.Pending(reference)
                : new ProcessorOutcome.Failed(reference, FAILURE_REASON);
    }
}
