package dev.paysuite.refunds.application.port.out;

import dev.paysuite.kernel.id.RefundId;
import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.port.in.RefundRef;
import java.util.List;
import java.util.Optional;

public interface LoadRefundPort {
    Optional<Refund> load(RefundRef ref);

    /** Pending refunds of every merchant, oldest first, as committed now (nothing locked). */
    List<Refund> pending(int atMost);

    /** Loads and locks the refund until the step's transaction ends. */
    @ChangesState
    Optional<Refund> lock(RefundId id);
}
