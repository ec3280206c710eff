package dev.paysuite.refunds.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.port.in.RefundRef;
import java.util.List;
import java.util.Optional;

public interface LoadRefundPort {
    Optional<Refund> load(RefundRef ref);

    /** Pending refunds, oldest first, locked for the step's transaction; ones another instance holds are skipped. */
    @ChangesState
    List<Refund> lockPending(int atMost);
}
