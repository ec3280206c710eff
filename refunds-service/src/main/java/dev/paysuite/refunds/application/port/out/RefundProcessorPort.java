package dev.paysuite.refunds.application.port.out;

import dev.paysuite.refunds.application.domain.model.ProcessorOutcome;
import dev.paysuite.refunds.application.domain.model.Refund;

/** The processor (acquirer), for refunds. */
public interface RefundProcessorPort {
    ProcessorOutcome refund(RefundInstruction instruction);

    /** Where a refund the processor answered "pending" for stands now. */
    ProcessorOutcome status(Refund refund);
}
