package dev.paysuite.refunds.application.port.out;

import dev.paysuite.refunds.application.domain.model.ProcessorOutcome;
import dev.paysuite.refunds.application.domain.model.Refund;
import java.util.Optional;

/**
 * The processor (acquirer), for refunds. The refund id is the acquirer key: the processor refunds
 * what a key asks at most once, and asking again answers what it did. Called with no transaction open.
 */
public interface RefundProcessorPort {
    /**
     * @throws dev.paysuite.kernel.error.ProcessorOutcomeUnknownException when no answer came in time
     */
    ProcessorOutcome refund(RefundInstruction instruction);

    /** Where the refund stands at the processor now; empty when the processor never received it. */
    Optional<ProcessorOutcome> status(Refund refund);
}
